package io.queryset.sample.orders;

import io.queryset.Manager;
import io.queryset.sample.books.BookManager;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places a few orders at start-up through the real checkout, so the order history, the stock and the
 * bestseller list agree from the first page view. Skipped when orders exist (the postgres profile keeps
 * its data between runs).
 */
@Component
class OrderSeeder implements ApplicationRunner, Ordered {

    /** After the books' seeder (order 0): these orders buy its books. */
    static final int ORDER = 1;

    /** Customer → title → copies. */
    private static final Map<String, Map<String, Integer>> ORDERS = Map.of(
            "Ada Lovelace", Map.of("Structure and Interpretation of Computer Programs", 1, "Effective Java", 2),
            "Grace Hopper", Map.of("Designing Data-Intensive Applications", 1),
            "Alan Turing", Map.of("Introduction to Algorithms", 1, "Accelerate", 1),
            "Barbara Liskov", Map.of("Effective Java", 1, "Design Patterns", 1, "Refactoring", 1),
            "Edsger Dijkstra", Map.of("The Mythical Man-Month", 3),
            "Margaret Hamilton", Map.of("Release It!", 2, "Continuous Delivery", 1),
            "Linus Torvalds", Map.of("Designing Data-Intensive Applications", 2, "Effective Java", 1));

    private final CheckoutService checkout;
    private final BookManager books;
    private final Manager<Order> orders;

    OrderSeeder(CheckoutService checkout, BookManager books, Manager<Order> orders) {
        this.checkout = checkout;
        this.books = books;
        this.orders = orders;
    }

    /** One transaction: the checkouts inside join it, so a failed start leaves no orders behind. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (orders.exists()) {
            return;
        }
        ORDERS.keySet().stream().sorted().forEach(customer -> {
            List<CheckoutRequest.CartItem> items = ORDERS.get(customer).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(line -> new CheckoutRequest.CartItem(books.get("title", line.getKey()).id(), line.getValue()))
                    .toList();
            checkout.placeOrder(new CheckoutRequest.Cart(customer, items));
        });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
