package io.queryset.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.sample.books.Book;
import io.queryset.sample.orders.OrderSummary;
import io.queryset.testing.DatabaseKind;
import io.queryset.testing.TestDatabases;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The sample with its {@code postgres} profile on a real PostgreSQL: start-up, seeding, the async reads,
 * the locking checkout and the feed. The server is the test PostgreSQL of the whole build (skipped loudly
 * when unreachable, failed under {@code CI=true}); the URLs are pointed at a schema of this JVM's own, so
 * that concurrent builds and the profile's everyday data are left alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@AutoConfigureWebTestClient
class SampleOnPostgresTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Database database;

    @Autowired
    Manager<Book> books;

    @LocalServerPort
    int port;

    @BeforeAll
    static void requirePostgres() {
        TestDatabases.assumeAvailable(DatabaseKind.POSTGRES);
    }

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        String password = Objects.requireNonNullElse(TestDatabases.password(DatabaseKind.POSTGRES), "");
        registry.add("spring.datasource.url", () -> TestDatabases.jdbcUrl(DatabaseKind.POSTGRES));
        registry.add("spring.datasource.username", () -> TestDatabases.username(DatabaseKind.POSTGRES));
        registry.add("spring.datasource.password", () -> password);
        registry.add("spring.r2dbc.url", () -> TestDatabases.r2dbcUrl(DatabaseKind.POSTGRES));
        registry.add("spring.r2dbc.username", () -> TestDatabases.username(DatabaseKind.POSTGRES));
        registry.add("spring.r2dbc.password", () -> password);
    }

    @Test
    void startsOnPostgresqlAndServesTheSeededCatalogNatively() {
        assertThat(database.dialectName()).isEqualTo("PostgreSQL");
        assertThat(database.asyncMode()).isEqualTo(AsyncMode.NATIVE);

        client.get().uri("/books?author=Kent Beck&ordering=-published").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].title")
                .isEqualTo(List.of("Extreme Programming Explained", "Test-Driven Development: By Example"));
        client.get().uri("/books/stats?author=Kent Beck").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.books").isEqualTo(2)
                .jsonPath("$.averagePrice").isEqualTo(33.99);
        client.get().uri("/publishers/leaderboard").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].name").isEqualTo("Addison-Wesley");
        client.get().uri("/books/bestsellers?limit=1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].title").isEqualTo("Effective Java");
    }

    @Test
    void aShortBookRollsTheWholeCheckoutBack() {
        Book plenty = Shop.stock(books, 4, "10.00");
        Book scarce = Shop.stock(books, 1, "10.00");
        Map<Long, Integer> cart = new LinkedHashMap<>();
        cart.put(plenty.id(), 3);
        cart.put(scarce.id(), 2);

        client.post().uri("/orders").bodyValue(Shop.order("Grace Hopper", cart)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(books.get("id", plenty.id()).stock()).isEqualTo(4);
    }

    @Test
    void rowLocksLetConcurrentCheckoutsSellEachCopyOnce() {
        Book book = Shop.stock(books, 2, "30.00");
        WebClient http = WebClient.create("http://localhost:" + port);

        List<HttpStatusCode> answers = Flux.range(0, 6)
                .flatMap(i -> http.post().uri("/orders").bodyValue(Shop.order("Buyer " + i, Map.of(book.id(), 1)))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode())))
                .collectList()
                .block();

        assertThat(answers).filteredOn(HttpStatusCode::is2xxSuccessful).hasSize(2);
        assertThat(answers).filteredOn(status -> status.value() == 409).hasSize(4);
        assertThat(books.get("id", book.id()).stock()).isZero();
    }

    @Test
    void theFeedCarriesAnOrderCommittedOnPostgresql() {
        Book book = Shop.stock(books, 3, "12.00");
        AtomicReference<OrderSummary> placed = new AtomicReference<>();
        AtomicReference<ServerSentEvent<String>> received = new AtomicReference<>();

        StepVerifier.create(client.get().uri("/orders/feed").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                        .expectStatus().isOk()
                        .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                        .getResponseBody()
                        .filter(event -> event.event() != null))
                .assertNext(event -> assertThat(event.event()).isEqualTo("ready"))
                .then(() -> placed.set(Shop.buy(client, "Margaret Hamilton", Map.of(book.id(), 1))))
                .consumeNextWith(received::set)
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        assertThat(received.get().id()).isEqualTo(String.valueOf(placed.get().id()));
        assertThat(received.get().data()).contains("\"customer\":\"Margaret Hamilton\"");
    }
}
