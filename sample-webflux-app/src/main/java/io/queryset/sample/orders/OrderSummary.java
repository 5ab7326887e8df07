package io.queryset.sample.orders;

import io.queryset.sample.books.Book;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order as the API shows it: in answers to {@code POST /orders} and {@code GET /orders}, and as the
 * data of each event of the live feed. The model's own JSON would nest a reference to the order in
 * every line; this shape says what a client needs.
 *
 * @param id       the order's id
 * @param customer who ordered
 * @param total    what the order cost
 * @param placedAt when it was placed
 * @param items    the books ordered
 */
public record OrderSummary(long id, String customer, BigDecimal total, Instant placedAt, List<Item> items) {

    /**
     * @param bookId    the book's id
     * @param title     the book's title
     * @param quantity  copies ordered
     * @param unitPrice the price of one copy when ordered
     */
    public record Item(long bookId, String title, int quantity, BigDecimal unitPrice) {
    }

    /** From an order whose lines are loaded with their books ({@code prefetchRelated("lines__book")}). */
    static OrderSummary of(Order order) {
        return of(order, Objects.requireNonNull(order.lines(), "order lines were not prefetched"));
    }

    /** From a stored order and its lines, each carrying its whole book (not just a reference). */
    static OrderSummary of(Order order, List<OrderLine> lines) {
        List<Item> items = lines.stream().map(line -> {
            Book book = line.book();
            return new Item(Objects.requireNonNull(book.id()), book.title(), line.quantity(), line.unitPrice());
        }).toList();
        return new OrderSummary(Objects.requireNonNull(order.id()), order.customer(), order.total(),
                Objects.requireNonNull(order.placedAt()), items);
    }
}
