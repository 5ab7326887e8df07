package io.queryset.sample.orders;

import io.queryset.AsyncBridge;
import io.queryset.Manager;
import io.queryset.expr.Count;
import io.queryset.expr.Sum;
import io.queryset.sample.web.QueryParameters;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The orders API. Reads run on QuerySet's async side; the checkout is a blocking, transactional
 * service that {@link AsyncBridge#syncToAsync} runs off the event loop, as Django's {@code sync_to_async}
 * runs ORM code from an async view.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

    /** The first event of every feed connection: the listener is registered, nothing placed from now on is missed. */
    static final String READY_EVENT = "ready";

    /** One event per committed order; its SSE id is the order's id. */
    static final String ORDER_EVENT = "order";

    private final CheckoutService checkout;
    private final AsyncBridge bridge;
    private final Manager<Order> orders;
    private final Manager<OrderLine> orderLines;
    private final OrderFeed feed;
    private final Duration keepAlive;

    OrderController(CheckoutService checkout, AsyncBridge bridge, Manager<Order> orders, Manager<OrderLine> orderLines,
            OrderFeed feed, @Value("${sample.feed.keep-alive:15s}") Duration keepAlive) {
        this.checkout = checkout;
        this.bridge = bridge;
        this.orders = orders;
        this.orderLines = orderLines;
        this.feed = feed;
        this.keepAlive = keepAlive;
    }

    /**
     * Places an order: 201 with the order and its location; 400 for a malformed order or an unknown
     * book; 409 when a book is short of copies, in which case nothing was written.
     */
    @PostMapping
    Mono<ResponseEntity<OrderSummary>> place(@RequestBody CheckoutRequest request, UriComponentsBuilder uri) {
        CheckoutRequest.Cart cart = request.validated();
        return bridge.syncToAsync(() -> checkout.placeOrder(cart)).map(order -> {
            URI location = uri.path("/orders/{id}").buildAndExpand(order.id()).toUri();
            return ResponseEntity.created(location).body(order);
        });
    }

    /** A page of orders, newest first, each with its books: three queries whatever the page size. */
    @GetMapping
    Mono<PagedModel<OrderSummary>> list(@RequestParam MultiValueMap<String, String> params, Pageable pageable) {
        QueryParameters.requireKnown(params, List.of("page", "size"));
        return orders.prefetchRelated("lines__book").apage(pageable)
                .map(page -> new PagedModel<>(page.map(OrderSummary::of)));
    }

    /** One order with its books; 404 when missing. */
    @GetMapping("/{id}")
    Mono<OrderSummary> get(@PathVariable long id) {
        return orders.prefetchRelated("lines__book").aget("id", id).map(OrderSummary::of);
    }

    /**
     * Orders, revenue and copies sold. Two aggregate queries on purpose: summing
     * {@code lines__quantity} in the orders' query would join every line to its order, and the sum of the
     * totals would then count an order once per line.
     */
    @GetMapping("/stats")
    Mono<OrderStatistics> stats() {
        Mono<Map<String, Object>> perOrder = orders.aaggregate(Map.of(
                "orders", Count.of("id"), "revenue", Sum.of("total").defaultValue(BigDecimal.ZERO)));
        Mono<Map<String, Object>> perLine = orderLines.aaggregate(Map.of("copies", Sum.of("quantity").defaultValue(0)));
        return Mono.zip(perOrder, perLine, (o, l) -> new OrderStatistics(
                ((Number) o.get("orders")).longValue(),
                new BigDecimal(o.get("revenue").toString()),
                ((Number) l.get("copies")).longValue()));
    }

    /**
     * Server-Sent Events: {@value #READY_EVENT} once this connection listens, then {@value #ORDER_EVENT}
     * for each order committed from then on, and a comment every {@code sample.feed.keep-alive} so that
     * proxies keep an idle connection open. A client that connects (or reconnects) loads what came before
     * from {@code GET /orders} after the ready event, and tells duplicates apart by the order's id.
     */
    @GetMapping(path = "/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> feed() {
        return Flux.defer(() -> {
            Sinks.Empty<Void> ended = Sinks.empty();
            Flux<ServerSentEvent<Object>> placed = feed.live()
                    .map(order -> ServerSentEvent.<Object>builder(order).event(ORDER_EVENT).id(String.valueOf(order.id())).build())
                    .doFinally(signal -> ended.tryEmitEmpty());
            ServerSentEvent<Object> ready = ServerSentEvent.<Object>builder(Map.of("listening", true)).event(READY_EVENT).build();
            Flux<ServerSentEvent<Object>> keepAlives = Flux.interval(keepAlive)
                    .map(tick -> ServerSentEvent.builder().comment("keep-alive").build())
                    .takeUntilOther(ended.asMono());
            // merge subscribes in this order: the feed's listener is registered before "ready" goes out.
            return Flux.merge(placed, Mono.just(ready), keepAlives);
        });
    }
}
