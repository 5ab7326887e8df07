package io.queryset.sample.books;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Figures over a set of books, computed by the database in one {@code aggregate} query.
 *
 * @param books          how many books match
 * @param copiesInStock  their copies in stock, all together
 * @param averagePrice   their mean price, rounded to cents; null when no book matches
 * @param lowestPrice    the cheapest one's price; null when no book matches
 * @param highestPrice   the dearest one's price; null when no book matches
 * @param averageRating  their mean rating, to two decimals; null when no book matches
 */
public record BookStatistics(
        long books,
        long copiesInStock,
        @Nullable BigDecimal averagePrice,
        @Nullable BigDecimal lowestPrice,
        @Nullable BigDecimal highestPrice,
        @Nullable BigDecimal averageRating) {

    /** From the map {@code aaggregate} returns, keyed by the names {@link BookController#stats} gives. */
    static BookStatistics from(Map<String, Object> row) {
        return new BookStatistics(
                ((Number) row.get("books")).longValue(),
                ((Number) row.get("copiesInStock")).longValue(),
                twoDecimals(row.get("averagePrice")),
                twoDecimals(row.get("lowestPrice")),
                twoDecimals(row.get("highestPrice")),
                twoDecimals(row.get("averageRating")));
    }

    private static @Nullable BigDecimal twoDecimals(@Nullable Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
