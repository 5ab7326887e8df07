package io.queryset.sample.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.Manager;
import io.queryset.sample.Shop;
import io.queryset.sample.books.Book;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * {@code POST /orders}: a blocking {@code @Transactional} checkout behind {@code AsyncBridge.syncToAsync},
 * over a real server and database. Each test stocks books of its own, so none depends on another's purchases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CheckoutApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Manager<Book> books;

    @Autowired
    Manager<Order> orders;

    @Autowired
    Manager<OrderLine> orderLines;

    @LocalServerPort
    int port;

    @Test
    void placesAnOrderTakesTheCopiesFromStockAndPointsToIt() {
        Book book = Shop.stock(books, 5, "12.50");

        EntityExchangeResult<OrderSummary> created = client.post().uri("/orders")
                .bodyValue(Shop.order(" Ada Lovelace ", Map.of(book.id(), 2))).exchange()
                .expectStatus().isCreated()
                .expectBody(OrderSummary.class).returnResult();
        OrderSummary order = created.getResponseBody();

        assertThat(created.getResponseHeaders().getLocation()).hasPath("/orders/" + order.id());

        assertThat(order.customer()).isEqualTo("Ada Lovelace");
        assertThat(order.total()).isEqualByComparingTo("25.00");
        assertThat(order.placedAt()).isNotNull();
        assertThat(order.items()).singleElement().satisfies(item -> {
            assertThat(item.bookId()).isEqualTo(book.id());
            assertThat(item.title()).isEqualTo(book.title());
            assertThat(item.quantity()).isEqualTo(2);
            assertThat(item.unitPrice()).isEqualByComparingTo("12.50");
        });
        client.get().uri("/books/{id}", book.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.stock").isEqualTo(3);
        client.get().uri("/orders/{id}", order.id()).exchange()
                .expectStatus().isOk()
                .expectBody(OrderSummary.class).isEqualTo(order);
    }

    @Test
    void aBookShortOfCopiesAnswers409AndRollsBackTheWholeOrder() {
        Book plenty = Shop.stock(books, 5, "10.00");
        Book scarce = Shop.stock(books, 1, "20.00");
        long ordersBefore = orders.count();
        Map<Long, Integer> cart = new LinkedHashMap<>();
        cart.put(plenty.id(), 2);   // taken from stock first, then given back by the rollback
        cart.put(scarce.id(), 3);

        client.post().uri("/orders").bodyValue(Shop.order("Grace Hopper", cart)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Insufficient stock")
                .jsonPath("$.bookId").isEqualTo(scarce.id())
                .jsonPath("$.requested").isEqualTo(3)
                .jsonPath("$.available").isEqualTo(1)
                .jsonPath("$.detail").value((String detail) -> assertThat(detail)
                        .startsWith("Only 1 copy of '" + scarce.title() + "'").endsWith("Nothing was ordered."));

        assertThat(books.get("id", plenty.id()).stock()).isEqualTo(5);
        assertThat(books.get("id", scarce.id()).stock()).isEqualTo(1);
        assertThat(orders.count()).isEqualTo(ordersBefore);
        assertThat(orderLines.filter("book__in", List.of(plenty.id(), scarce.id())).exists()).isFalse();
    }

    @Test
    void anUnknownBookAnswers400NamingItAndWritesNothing() {
        Book book = Shop.stock(books, 5, "10.00");
        long ordersBefore = orders.count();

        client.post().uri("/orders").bodyValue(Shop.order("Alan Turing", Map.of(book.id(), 1, 999_999L, 1))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Unknown book")
                .jsonPath("$.detail").isEqualTo("No book has the id 999999. Nothing was ordered.")
                .jsonPath("$.bookIds").isEqualTo(List.of(999_999));

        assertThat(orders.count()).isEqualTo(ordersBefore);
        assertThat(books.get("id", book.id()).stock()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"customer\": \"  \", \"items\": [{\"bookId\": 1, \"quantity\": 1}]}",
        "{\"customer\": \"Edsger Dijkstra\", \"items\": []}",
        "{\"customer\": \"Edsger Dijkstra\", \"items\": [{\"quantity\": 1}]}",
        "{\"customer\": \"Edsger Dijkstra\", \"items\": [{\"bookId\": 1, \"quantity\": 0}]}",
        "{\"customer\": \"Edsger Dijkstra\", \"items\": [{\"bookId\": 1, \"quantity\": 101}]}",
        "{\"customer\": \"Edsger Dijkstra\", \"items\": [{\"bookId\": 1, \"quantity\": 1}, {\"bookId\": 1, \"quantity\": 2}]}",
        "{\"customer\": \"Edsger Dijkstra\", \"items\": [{\"bookId\": 1, \"quantity\": \"lots\"}]}",
        "not json",
    })
    void aMalformedOrderAnswers400AndWritesNothing(String body) {
        long ordersBefore = orders.count();

        client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);

        assertThat(orders.count()).isEqualTo(ordersBefore);
    }

    @Test
    void concurrentCheckoutsNeverSellMoreCopiesThanThereAre() {
        Book book = Shop.stock(books, 3, "30.00");
        WebClient http = WebClient.create("http://localhost:" + port);

        List<HttpStatusCode> answers = Flux.range(0, 8)
                .flatMap(i -> http.post().uri("/orders").bodyValue(Shop.order("Buyer " + i, Map.of(book.id(), 1)))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode())))
                .collectList()
                .block();

        assertThat(answers).filteredOn(HttpStatusCode::is2xxSuccessful).hasSize(3);
        assertThat(answers).filteredOn(status -> status.value() == 409).hasSize(5);
        assertThat(books.get("id", book.id()).stock()).isZero();
        assertThat(orderLines.filter("book", book.id()).count()).isEqualTo(3);
    }

    @Test
    void anOrderIsReadBackWithItsBooksAndAMissingOneIs404() {
        Book book = Shop.stock(books, 4, "15.00");
        OrderSummary placed = Shop.buy(client, "Barbara Liskov", Map.of(book.id(), 4));

        client.get().uri("/orders/{id}", placed.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.customer").isEqualTo("Barbara Liskov")
                .jsonPath("$.items[0].title").isEqualTo(book.title());
        client.get().uri("/orders/999999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Order matching query does not exist.");
    }
}
