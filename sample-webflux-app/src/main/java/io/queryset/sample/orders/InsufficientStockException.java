package io.queryset.sample.orders;

/**
 * An order asks for more copies of a book than are in stock. Thrown inside the checkout's transaction,
 * so everything the checkout wrote before is rolled back; answered with HTTP 409.
 */
public class InsufficientStockException extends RuntimeException {

    private final long bookId;

    private final int requested;

    private final int available;

    InsufficientStockException(long bookId, String title, int requested, int available) {
        super("Only " + available + " " + (available == 1 ? "copy" : "copies") + " of '" + title + "' (book " + bookId
                + ") in stock, " + requested + " ordered. Nothing was ordered.");
        this.bookId = bookId;
        this.requested = requested;
        this.available = available;
    }

    /** The book short of copies. */
    public long bookId() {
        return bookId;
    }

    /** Copies the order asked for. */
    public int requested() {
        return requested;
    }

    /** Copies in stock when the order was checked. */
    public int available() {
        return available;
    }
}
