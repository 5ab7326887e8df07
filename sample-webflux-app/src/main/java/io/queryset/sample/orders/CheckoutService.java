package io.queryset.sample.orders;

import io.queryset.F;
import io.queryset.Manager;
import io.queryset.sample.books.Book;
import io.queryset.sample.books.BookManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places orders: plain blocking code in one JDBC transaction, the way most existing services are
 * written. WebFlux handlers reach it through {@code AsyncBridge.syncToAsync}, which runs it on the
 * bridge's threads instead of an event loop.
 */
@Service
public class CheckoutService {

    private final BookManager books;
    private final Manager<Order> orders;
    private final Manager<OrderLine> orderLines;
    private final ApplicationEventPublisher events;

    CheckoutService(BookManager books, Manager<Order> orders, Manager<OrderLine> orderLines,
            ApplicationEventPublisher events) {
        this.books = books;
        this.orders = orders;
        this.orderLines = orderLines;
        this.events = events;
    }

    /**
     * Locks the ordered books' rows, stores the order, and takes each line's copies from stock. All or
     * nothing: when a book is short of copies the transaction rolls back, the order and the stock taken
     * for earlier lines included.
     *
     * <p>{@code @Transactional} without a qualifier: the starter routes it to the JDBC transaction
     * manager because the method returns neither a Mono nor a Flux.
     *
     * @throws UnknownBookException       when a book id does not exist
     * @throws InsufficientStockException when a book has fewer copies than ordered
     */
    @Transactional
    public OrderSummary placeOrder(CheckoutRequest.Cart cart) {
        Map<Long, Book> locked = lockBooks(cart.bookIds());

        BigDecimal total = cart.items().stream()
                .map(item -> locked.get(item.bookId()).price().multiply(BigDecimal.valueOf(item.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Order order = orders.create(Order.newOrder(cart.customer(), total));

        List<OrderLine> lines = new ArrayList<>();
        for (CheckoutRequest.CartItem item : cart.items()) {
            Book book = locked.get(item.bookId());
            if (book.stock() < item.quantity()) {
                throw new InsufficientStockException(item.bookId(), book.title(), item.quantity(), book.stock());
            }
            // Django's F("stock") - n: the database subtracts, so the statement never writes a stale value.
            books.filter("id", book.id()).update(Map.of("stock", F.of("stock").minus(item.quantity())));
            lines.add(new OrderLine(null, order, book, item.quantity(), book.price()));
        }
        orderLines.bulkCreate(lines);

        OrderSummary summary = OrderSummary.of(order, lines);
        events.publishEvent(new OrderPlaced(summary));
        return summary;
    }

    /** The ordered books, locked: a concurrent checkout of any of them waits here until this transaction ends. */
    private Map<Long, Book> lockBooks(List<Long> ids) {
        Map<Long, Book> locked = books.lockedForCheckout(ids).list().stream()
                .collect(Collectors.toMap(Book::id, Function.identity()));
        List<Long> unknown = ids.stream().filter(id -> !locked.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownBookException(unknown);
        }
        return locked;
    }
}
