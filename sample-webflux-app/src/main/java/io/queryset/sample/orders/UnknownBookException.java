package io.queryset.sample.orders;

import java.util.List;
import java.util.stream.Collectors;

/** An order names books that do not exist; answered with HTTP 400 listing them. Nothing is written. */
public class UnknownBookException extends RuntimeException {

    private final List<Long> bookIds;

    UnknownBookException(List<Long> bookIds) {
        super((bookIds.size() == 1 ? "No book has the id " : "No books have the ids ")
                + bookIds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ". Nothing was ordered.");
        this.bookIds = List.copyOf(bookIds);
    }

    /** The ids no book has. */
    public List<Long> bookIds() {
        return bookIds;
    }
}
