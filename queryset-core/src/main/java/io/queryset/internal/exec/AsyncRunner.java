package io.queryset.internal.exec;

import io.queryset.internal.mapping.RowMapper;
import io.queryset.internal.sql.CompiledSql;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.ReactiveTransactionManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs steps without blocking the subscriber: natively on R2DBC, or on the bridge scheduler. */
public interface AsyncRunner {

    /** The step's result, when subscribed. */
    <T> Mono<T> run(Step<T> step);

    /** Rows with backpressure, fetched {@code fetchSize} at a time where the driver allows; {@code timeout} (else the
     * database's default) bounds the wait for each row. */
    <R> Flux<R> stream(CompiledSql sql, RowMapper<R> mapper, int fetchSize, @Nullable Duration timeout);

    /** The transaction manager {@code aatomic} and atomic steps use on this side. */
    ReactiveTransactionManager transactionManager();
}
