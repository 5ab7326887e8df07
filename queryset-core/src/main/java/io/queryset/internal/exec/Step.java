package io.queryset.internal.exec;

import io.queryset.internal.mapping.RowMapper;
import io.queryset.internal.sql.CompiledSql;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * A database operation described once and run by either side: {@link BlockingRunner} on JDBC or
 * {@link AsyncRunner} on R2DBC (or on the bridge). This is how a terminal method and its
 * {@code a}-twin share everything but the executor call, including multi-statement operations such
 * as {@code getOrCreate}. Values carried by steps are never null.
 *
 * @param <T> the result
 */
public sealed interface Step<T> {

    /** Rows of a query, mapped. */
    record Query<R>(CompiledSql sql, RowMapper<R> mapper) implements Step<List<R>> {
    }

    /** Rows affected by a statement. */
    record Update(CompiledSql sql) implements Step<Long> {
    }

    /**
     * Generated keys of an INSERT, in row order.
     *
     * @param returnKeys whether the keys are wanted (else the result is empty)
     * @param keysAsRows whether the statement returns them itself as a result ({@code RETURNING key}), rather
     *                   than through the driver's generated-keys API
     */
    record Insert<K>(CompiledSql sql, String keyColumn, Class<K> keyType, boolean returnKeys, boolean keysAsRows)
            implements Step<List<K>> {
    }

    /** A value computed without the database. */
    record Pure<T>(Supplier<T> value) implements Step<T> {
    }

    /** One step, then another built from its result. */
    record FlatMap<A, T>(Step<A> source, Function<A, Step<T>> next) implements Step<T> {
    }

    /** A step whose failure of type {@code type} is replaced by another step. */
    record Recover<T, E extends RuntimeException>(Step<T> source, Class<E> type, Function<E, Step<T>> fallback)
            implements Step<T> {
    }

    /**
     * A step run as Django's {@code atomic()} block: a new transaction, or a savepoint inside the caller's, so a
     * failure rolls back only this step and leaves the caller's transaction usable (PostgreSQL would otherwise
     * abort the whole transaction on the first error, and {@code getOrCreate}'s fallback could not run).
     */
    record Atomic<T>(Step<T> inner, int restarts) implements Step<T> {
        /** Nested propagation: a savepoint inside an active transaction, a new transaction otherwise. */
        public static final TransactionDefinition DEFINITION =
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

        /** An atomic block that is never run again. */
        public Atomic(Step<T> inner) {
            this(inner, 0);
        }
    }

    /**
     * A step whose every statement is cancelled when it runs longer than {@code timeout} ({@code QuerySet.timeout}),
     * overriding the database's default query timeout.
     */
    record Timed<T>(Step<T> inner, Duration timeout) implements Step<T> {
    }

    static <R> Step<List<R>> query(CompiledSql sql, RowMapper<R> mapper) {
        return new Query<>(sql, mapper);
    }

    static Step<Long> update(CompiledSql sql) {
        return new Update(sql);
    }

    static <T> Step<T> of(T value) {
        return new Pure<>(() -> value);
    }

    static <T> Step<T> defer(Supplier<Step<T>> step) {
        return new FlatMap<>(of(Boolean.TRUE), ignored -> step.get());
    }

    static <T> Step<T> fail(RuntimeException error) {
        return new Pure<>(() -> {
            throw error;
        });
    }

    default <U> Step<U> map(Function<T, U> f) {
        return new FlatMap<>(this, v -> new Pure<>(() -> f.apply(v)));
    }

    default <U> Step<U> then(Function<T, Step<U>> next) {
        return new FlatMap<>(this, next);
    }

    default <E extends RuntimeException> Step<T> recover(Class<E> type, Function<E, Step<T>> fallback) {
        return new Recover<>(this, type, fallback);
    }

    default Step<T> atomic() {
        return new Atomic<>(this);
    }

    /**
     * {@link #atomic()}, run again from the start, up to {@code restarts} times, when the database rolls back the
     * transaction it began (a deadlock or a serialization failure, SQLSTATE class 40): nothing of the failed run is
     * left, so running it again is safe. Inside the caller's transaction it is never run again: the database rolled
     * back the caller's work too, and the error must reach the caller.
     */
    default Step<T> atomicRestartedWhenRolledBack(int restarts) {
        return new Atomic<>(this, restarts);
    }

    /** This step with a per-statement timeout, or this step itself when {@code timeout} is null. */
    default Step<T> timed(@Nullable Duration timeout) {
        return timeout == null ? this : new Timed<>(this, timeout);
    }
}
