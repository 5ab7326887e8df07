package io.queryset.sample;

import io.queryset.Manager;
import io.queryset.sample.books.Book;
import io.queryset.sample.orders.OrderSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the tests of the shop do again and again: stock a new book of their own (so no test depends on
 * what another one bought from the shared catalog) and buy it through the API.
 */
public final class Shop {

    private Shop() {
    }

    /** A new book, stored with its own title and {@code stock} copies. Runs on the test's thread, so blocking is fine. */
    public static Book stock(Manager<Book> books, int stock, String price) {
        String title = "Test book " + UUID.randomUUID().toString().substring(0, 8);
        return books.create(new Book(null, title, "Test Author", 200, new BigDecimal(price),
                LocalDate.parse("2024-01-15"), 4.0, stock, null, null));
    }

    /** The body of {@code POST /orders} for one customer and book id → quantity. */
    public static Map<String, Object> order(String customer, Map<Long, Integer> quantities) {
        List<Map<String, Object>> items = quantities.entrySet().stream()
                .map(e -> Map.<String, Object>of("bookId", e.getKey(), "quantity", e.getValue()))
                .toList();
        return Map.of("customer", customer, "items", items);
    }

    /** Places an order that must succeed, and returns it as the API answered. */
    public static OrderSummary buy(WebTestClient client, String customer, Map<Long, Integer> quantities) {
        return client.post().uri("/orders").bodyValue(order(customer, quantities)).exchange()
                .expectStatus().isCreated()
                .expectBody(OrderSummary.class).returnResult().getResponseBody();
    }
}
