package io.queryset.sample.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.Manager;
import io.queryset.sample.Shop;
import io.queryset.sample.books.Book;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /orders/feed} over a real connection. Each test waits for the "ready" event, which the
 * server sends only once its listener is registered, before placing an order: no sleeps, no races.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OrderFeedTests {

    /** Only a guard against a hang: each step completes as soon as its event arrives. */
    private static final Duration GUARD = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;

    @Autowired
    Manager<Book> books;

    @Test
    void sendsEachCommittedOrderAfterTheReadyEvent() {
        Book book = Shop.stock(books, 5, "11.00");
        AtomicReference<OrderSummary> placed = new AtomicReference<>();
        AtomicReference<ServerSentEvent<JsonNode>> received = new AtomicReference<>();

        StepVerifier.create(feed())
                .assertNext(event -> assertThat(event.event()).isEqualTo("ready"))
                .then(() -> placed.set(Shop.buy(client, "Katherine Johnson", Map.of(book.id(), 2))))
                // The event leaves after the commit, possibly before the POST's answer: compared once both are in.
                .consumeNextWith(received::set)
                .thenCancel()
                .verify(GUARD);

        ServerSentEvent<JsonNode> event = received.get();
        assertThat(event.event()).isEqualTo("order");
        assertThat(event.id()).isEqualTo(String.valueOf(placed.get().id()));
        assertThat(event.data().get("customer").asString()).isEqualTo("Katherine Johnson");
        assertThat(event.data().get("total").decimalValue()).isEqualByComparingTo("22.00");
        assertThat(event.data().get("items").get(0).get("title").asString()).isEqualTo(book.title());
    }

    @Test
    void neverSendsAnOrderThatWasRolledBack() {
        Book scarce = Shop.stock(books, 1, "40.00");
        Book plenty = Shop.stock(books, 5, "8.00");

        StepVerifier.create(feed())
                .assertNext(event -> assertThat(event.event()).isEqualTo("ready"))
                .then(() -> {
                    client.post().uri("/orders").bodyValue(Shop.order("Too Many", Map.of(scarce.id(), 2))).exchange()
                            .expectStatus().isEqualTo(409);
                    Shop.buy(client, "Just Right", Map.of(plenty.id(), 1));
                })
                // Had the rolled-back order been published, it would have come first.
                .assertNext(event -> assertThat(event.data().get("customer").asString()).isEqualTo("Just Right"))
                .thenCancel()
                .verify(GUARD);
    }

    @Test
    void everyListenerReceivesEveryOrder() {
        Book book = Shop.stock(books, 5, "10.00");

        StepVerifier.create(Flux.zip(feed(), feed()))
                .assertNext(pair -> {
                    assertThat(pair.getT1().event()).isEqualTo("ready");
                    assertThat(pair.getT2().event()).isEqualTo("ready");
                })
                .then(() -> Shop.buy(client, "Hedy Lamarr", Map.of(book.id(), 1)))
                .assertNext(pair -> {
                    assertThat(pair.getT1().data().get("customer").asString()).isEqualTo("Hedy Lamarr");
                    assertThat(pair.getT2().data().get("customer").asString()).isEqualTo("Hedy Lamarr");
                })
                .thenCancel()
                .verify(GUARD);
    }

    private Flux<ServerSentEvent<JsonNode>> feed() {
        return client.get().uri("/orders/feed").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null); // keep-alive comments carry no event name
    }
}
