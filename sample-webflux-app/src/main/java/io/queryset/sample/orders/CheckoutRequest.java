package io.queryset.sample.orders;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebInputException;

/**
 * The body of {@code POST /orders}: who buys, and which books how many times.
 * Every component is nullable because it arrives as JSON; {@link #validated()} says what is wrong.
 *
 * @param customer who orders
 * @param items    the books and quantities
 */
public record CheckoutRequest(@Nullable String customer, @Nullable List<Item> items) {

    /** The most books one order may hold. */
    static final int MAX_ITEMS = 20;

    /** The most copies of one book one order may hold. */
    static final int MAX_QUANTITY = 100;

    /**
     * One book of the order.
     *
     * @param bookId   the book's id
     * @param quantity copies wanted
     */
    public record Item(@Nullable Long bookId, @Nullable Integer quantity) {
    }

    /**
     * A request whose shape has been checked; whether the books exist and are in stock is the checkout's
     * business, inside its transaction.
     *
     * @param customer who orders, trimmed
     * @param items    one entry per book, in the order the client listed them
     */
    record Cart(String customer, List<CartItem> items) {

        List<Long> bookIds() {
            return items.stream().map(CartItem::bookId).toList();
        }
    }

    /**
     * @param bookId   the book's id
     * @param quantity copies wanted, 1 to {@link #MAX_QUANTITY}
     */
    record CartItem(long bookId, int quantity) {
    }

    /**
     * The cart this request describes.
     *
     * @throws ServerWebInputException (HTTP 400) naming the first problem: no customer, no items, too many,
     *         an item without a book id, a quantity out of range, or a book listed twice
     */
    Cart validated() {
        if (!StringUtils.hasText(customer) || customer.strip().length() > 100) {
            throw new ServerWebInputException("An order needs a customer name of 1 to 100 characters.");
        }
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new ServerWebInputException("An order needs 1 to " + MAX_ITEMS + " items.");
        }
        Set<Long> seen = new HashSet<>();
        List<CartItem> cart = items.stream().map(item -> {
            if (item == null || item.bookId() == null) {
                throw new ServerWebInputException("Every item needs a bookId.");
            }
            if (item.quantity() == null || item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
                throw new ServerWebInputException("The quantity of book " + item.bookId() + " must be from 1 to "
                        + MAX_QUANTITY + ", not " + item.quantity() + ".");
            }
            if (!seen.add(item.bookId())) {
                throw new ServerWebInputException("Book " + item.bookId() + " is listed twice; list it once with the "
                        + "total quantity.");
            }
            return new CartItem(item.bookId(), item.quantity());
        }).toList();
        return new Cart(customer.strip(), cart);
    }
}
