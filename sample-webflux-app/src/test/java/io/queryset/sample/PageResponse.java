package io.queryset.sample;

import java.util.List;

/**
 * The JSON of Spring Data's {@code PagedModel} as a client reads it; PagedModel itself has no
 * constructor Jackson could fill.
 *
 * @param content the rows of the page
 * @param page    where the page sits among all matching rows
 */
public record PageResponse<T>(List<T> content, Metadata page) {

    /**
     * @param size          the requested page size
     * @param number        the page's number, from 0
     * @param totalElements how many rows match in all
     * @param totalPages    how many pages of this size they fill
     */
    public record Metadata(int size, int number, long totalElements, int totalPages) {
    }
}
