package io.queryset.sample.orders;

import java.util.List;

/** An order names books that do not exist; answered with HTTP 400 listing them. Nothing is written. */
public class UnknownBookException extends RuntimeException {

    private final List<Long> bookIds;

    UnknownBookException(List<Long> bookIds) {
        super("No book with id " + bookIds.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                + ". Nothing was ordered.");
        this.bookIds = List.copyOf(bookIds);
    }

    /** The ids no book has. */
    public List<Long> bookIds() {
        return bookIds;
    }
}
