package io.queryset.autoconfigure;

import io.queryset.Database;

/**
 * Changes the {@link Database.Builder} the starter configured from {@code queryset.*} before it builds the
 * {@code Database} bean: a custom router, an observation convention, a forced dialect. Every customizer bean is
 * applied, in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * DatabaseBuilderCustomizer archiveRouting() {
 *     return builder -> builder.router(new ArchiveRouter());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DatabaseBuilderCustomizer {

    /** Customizes {@code builder}; called once, before the Database is built. */
    void customize(Database.Builder builder);
}
