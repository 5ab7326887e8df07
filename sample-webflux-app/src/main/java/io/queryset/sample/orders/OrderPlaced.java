package io.queryset.sample.orders;

/**
 * Published by the checkout inside its transaction; listeners that must only see committed orders
 * (the live feed) take it with {@code @TransactionalEventListener}, which runs after the commit.
 *
 * @param order the order as stored
 */
public record OrderPlaced(OrderSummary order) {
}
