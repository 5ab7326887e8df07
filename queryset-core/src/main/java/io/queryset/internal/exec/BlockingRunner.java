package io.queryset.internal.exec;

import java.util.List;
import java.util.stream.Stream;
import io.queryset.internal.mapping.RowMapper;
import io.queryset.internal.sql.CompiledSql;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;

/** Runs steps on the calling thread. */
public interface BlockingRunner {

    /** The step's result. */
    <T> T run(Step<T> step);

    /** Rows streamed with {@code fetchSize} rows per round trip; the caller closes the stream. {@code timeout}, else
     * the database's default, applies to the statement. */
    <R> Stream<R> stream(CompiledSql sql, RowMapper<R> mapper, int fetchSize, @Nullable Duration timeout);

    /** The transaction manager {@code atomic} and atomic steps use on this side. */
    PlatformTransactionManager transactionManager();

    /** Rows of a query (a convenience over {@link #run}). */
    default <R> List<R> query(CompiledSql sql, RowMapper<R> mapper) {
        return run(Step.query(sql, mapper));
    }
}
