package io.queryset.sample.orders;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Committed orders as a hot stream, for the live feed. The checkout publishes {@link OrderPlaced} inside
 * its transaction; this feed passes it on only once that transaction has committed, so a listener never
 * sees an order that was rolled back.
 *
 * <p>Memory stays bounded: the sink keeps nothing for absent listeners, and each listener has a buffer of
 * {@value #BUFFER} orders. A listener that falls further behind (a stalled connection) has its stream
 * ended; a browser's EventSource then reconnects and the page reloads what it missed from
 * {@code GET /orders}. This feed lives in one application instance: with several instances behind a load
 * balancer, feed it from a broker or PostgreSQL's LISTEN/NOTIFY instead.
 */
@Component
public class OrderFeed {

    /** Orders kept per listener that is not keeping up. */
    static final int BUFFER = 256;

    // directBestEffort: no replay and nothing kept when nobody listens.
    private final Sinks.Many<OrderSummary> sink = Sinks.many().multicast().directBestEffort();

    @TransactionalEventListener
    void onOrderPlaced(OrderPlaced event) {
        publish(event.order());
    }

    /**
     * Synchronized because checkouts commit on several bridge threads at once, and a sink accepts one
     * emission at a time (a concurrent one fails with FAIL_NON_SERIALIZED and would be lost). A result of
     * FAIL_ZERO_SUBSCRIBER means nobody listens, which is fine.
     */
    synchronized void publish(OrderSummary order) {
        sink.tryEmitNext(order);
    }

    /**
     * Orders committed from the moment of subscription on. The subscriber is registered with the sink
     * during {@code subscribe()} itself, so anything emitted after that call returns reaches it.
     */
    public Flux<OrderSummary> live() {
        return sink.asFlux()
                .onBackpressureBuffer(BUFFER, BufferOverflowStrategy.ERROR)
                .onErrorResume(Exceptions::isOverflow, overflow -> Flux.empty());
    }

    /**
     * Ends every listener's stream when the application shuts down: ContextClosedEvent comes before the
     * web server's graceful shutdown, which would otherwise wait its whole timeout for these endless responses.
     */
    @EventListener(ContextClosedEvent.class)
    synchronized void close() {
        sink.tryEmitComplete();
    }
}
