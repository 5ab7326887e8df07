package io.queryset.sample.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The feed's memory bound, without a server: a listener that stops reading is let go, not buffered for. */
class OrderFeedTest {

    @Test
    void aListenerThatFallsTooFarBehindHasItsStreamEnded() {
        OrderFeed feed = new OrderFeed();

        StepVerifier.create(feed.live(), 0)
                .then(() -> {
                    for (long id = 1; id <= OrderFeed.BUFFER + 1; id++) {
                        feed.publish(order(id));
                    }
                })
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(order -> true)
                .verifyComplete();
    }

    @Test
    void aListenerThatKeepsUpGetsEveryOrderInTurn() {
        OrderFeed feed = new OrderFeed();

        StepVerifier.create(feed.live())
                .then(() -> feed.publish(order(1)))
                .expectNextMatches(order -> order.id() == 1)
                .then(() -> feed.publish(order(2)))
                .expectNextMatches(order -> order.id() == 2)
                .then(feed::close)
                .verifyComplete();
    }

    @Test
    void publishingWithNobodyListeningKeepsNothing() {
        OrderFeed feed = new OrderFeed();
        feed.publish(order(1));

        StepVerifier.create(feed.live())
                .then(() -> feed.publish(order(2)))
                .expectNextMatches(order -> order.id() == 2)
                .thenCancel()
                .verify();
    }

    private static OrderSummary order(long id) {
        return new OrderSummary(id, "Customer " + id, BigDecimal.TEN, Instant.EPOCH, List.of());
    }
}
