package io.queryset.internal.query;

import io.queryset.LockOptions;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a query that change how its SELECT is written rather than which rows match: a combinator
 * ({@code union}, {@code intersection}, {@code difference}), a row lock ({@code selectForUpdate}) and the
 * model columns loaded ({@code only}/{@code defer}).
 *
 * @param combinator the SQL set operator ({@code UNION}, {@code UNION ALL}, {@code INTERSECT}, {@code EXCEPT}),
 *                   or null when this query is not combined
 * @param combined the combined queries, this query's own rows first; empty unless {@code combinator} is set
 * @param lock the {@code FOR UPDATE} options, or null for no lock
 * @param deferred the names of the model fields not loaded ({@code defer}), never the primary key
 * @param onlyLoaded the names of the model fields loaded by {@code only} (the primary key is always loaded),
 *                   or null when {@code only} was not called
 * @param timeout the per-statement timeout of the terminal methods, or null for the database's default
 * @param database the named database of {@code using()}, or null to let the routers (else the default) decide
 */
public record SelectOptions(@Nullable String combinator, List<QuerySpec> combined, @Nullable LockOptions lock,
                            List<String> deferred, @Nullable List<String> onlyLoaded, @Nullable Duration timeout,
                            @Nullable String database) {

    /** No combinator, no lock, every column loaded. */
    public static final SelectOptions NONE = new SelectOptions(null, List.of(), null, List.of(), null, null, null);

    public SelectOptions {
        combined = List.copyOf(combined);
        deferred = List.copyOf(deferred);
        onlyLoaded = onlyLoaded == null ? null : List.copyOf(onlyLoaded);
    }

    /** Whether the query is a combination of queries. */
    public boolean isCombined() {
        return combinator != null;
    }

    /** These options combining {@code parts} with {@code operator}. */
    public SelectOptions withCombination(String operator, List<QuerySpec> parts) {
        return new SelectOptions(operator, parts, lock, deferred, onlyLoaded, timeout, database);
    }

    /** These options with the lock {@code options}. */
    public SelectOptions withLock(@Nullable LockOptions options) {
        return new SelectOptions(combinator, combined, options, deferred, onlyLoaded, timeout, database);
    }

    /** These options with the loaded-column choice of {@code only}/{@code defer}. */
    public SelectOptions withLoading(List<String> newDeferred, @Nullable List<String> newOnly) {
        return new SelectOptions(combinator, combined, lock, newDeferred, newOnly, timeout, database);
    }

    /** These options with a per-statement timeout ({@code QuerySet.timeout}). */
    public SelectOptions withTimeout(@Nullable Duration newTimeout) {
        return new SelectOptions(combinator, combined, lock, deferred, onlyLoaded, newTimeout, database);
    }

    /** These options on the named database {@code alias} ({@code QuerySet.using}). */
    public SelectOptions withDatabase(String alias) {
        return new SelectOptions(combinator, combined, lock, deferred, onlyLoaded, timeout, alias);
    }
}
