package io.queryset.sample.orders;

import java.math.BigDecimal;

/**
 * Figures over every order.
 *
 * @param orders     how many orders were placed
 * @param revenue    what they cost together
 * @param copiesSold how many copies they held together
 */
public record OrderStatistics(long orders, BigDecimal revenue, long copiesSold) {
}
