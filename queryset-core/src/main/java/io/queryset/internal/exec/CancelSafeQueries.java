package io.queryset.internal.exec;

import io.queryset.internal.sql.Dialect;
import io.queryset.internal.sql.MariaDbDialect;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Row queries and updates run as spring-r2dbc's DatabaseClient would (the subscriber's transaction joined, errors
 * translated), except that a result a cancel made the pipeline drop before its rows were subscribed is read to its
 * end. Left unread, r2dbc-postgresql and r2dbc-mariadb never read the rest of that statement's response, and the
 * connection, back in the pool, hangs every statement after it; DatabaseClient drops such a result.
 *
 * <p>A subclass may also stop a cancelled statement on the server ({@link #stopOnServer}), as {@link PostgresQueries}
 * does.
 */
class CancelSafeQueries {

    private final ConnectionFactory connectionFactory;

    CancelSafeQueries(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /**
     * The queries for {@code connectionFactory}: PostgreSQL's (which also stop a cancelled statement), MariaDB's and
     * MySQL's, or null for a driver that needs neither (r2dbc-h2 runs each statement to its end as it is subscribed).
     */
    static @Nullable CancelSafeQueries of(ConnectionFactory connectionFactory, Dialect dialect) {
        CancelSafeQueries postgres = PostgresQueries.of(connectionFactory);
        if (postgres != null) {
            return postgres;
        }
        return dialect instanceof MariaDbDialect ? new CancelSafeQueries(connectionFactory) : null;
    }

    /**
     * Whether INSERTs go through these queries too. Not on PostgreSQL, whose cancel request is meant for reads, updates
     * and deletes (an insert there reports its keys through the driver's generated-values API).
     */
    boolean coversInserts() {
        return true;
    }

    /** The rows of {@code sql}, {@code fetchSize} rows per round trip when positive. */
    <R> Flux<R> rows(String sql, List<Object> bindValues, int fetchSize, Function<Row, R> mapper) {
        return Flux.usingWhen(
                        ConnectionFactoryUtils.getConnection(connectionFactory).map(Execution::new),
                        execution -> execution.rows(sql, bindValues, fetchSize, mapper),
                        Execution::release,
                        (execution, error) -> execution.release(),
                        Execution::cancel)
                .onErrorMap(R2dbcException.class, e -> ConnectionFactoryUtils.convertR2dbcException("executeMany", sql, e));
    }

    /** The rows affected by {@code sql} (an INSERT, UPDATE or DELETE), run like {@link #rows}. */
    Mono<Long> rowsUpdated(String sql, List<Object> bindValues) {
        return Flux.usingWhen(
                        ConnectionFactoryUtils.getConnection(connectionFactory).map(Execution::new),
                        execution -> execution.results(sql, bindValues, 0, Result::getRowsUpdated),
                        Execution::release,
                        (execution, error) -> execution.release(),
                        Execution::cancel)
                .onErrorMap(R2dbcException.class, e -> ConnectionFactoryUtils.convertR2dbcException("execute", sql, e))
                .reduce(0L, (sum, count) -> sum + count.longValue());
    }

    /**
     * Stops on the server the statement of {@code connection} whose subscription was cancelled, or does nothing (the
     * default: the statement ends in its own time, its result read and dropped).
     *
     * @param requested whether the statement was asked for rows (only then can it be running, and only then is the
     *                  connection surely still this subscription's)
     * @param portalDeliveredRows whether a fetch-size query has already delivered rows
     */
    Mono<Void> stopOnServer(Connection connection, boolean requested, boolean portalDeliveredRows) {
        return Mono.empty();
    }

    /** Reads a result nobody will read to its end, so the driver can go on to the connection's next statement. */
    private static void drain(Result result) {
        Flux.from(result.getRowsUpdated()).subscribe(count -> { }, error -> { });
    }

    /** One statement on one connection, and how far it got. */
    private final class Execution {

        private final Connection connection;
        private volatile boolean requested;
        private volatile boolean portalDeliveredRows;

        Execution(Connection connection) {
            this.connection = connection;
        }

        <R> Flux<R> rows(String sql, List<Object> bindValues, int fetchSize, Function<Row, R> mapper) {
            return results(sql, bindValues, fetchSize, result -> result.map((row, meta) -> mapper.apply(row)));
        }

        <R> Flux<R> results(String sql, List<Object> bindValues, int fetchSize, Function<Result, Publisher<R>> read) {
            Statement statement = connection.createStatement(sql);
            for (int i = 0; i < bindValues.size(); i++) {
                statement.bind(i, bindValues.get(i));
            }
            if (fetchSize > 0) {
                statement.fetchSize(fetchSize);
            }
            return Flux.from(statement.execute())
                    .flatMap(read)
                    .doOnNext(row -> portalDeliveredRows = fetchSize > 0)
                    .doOnRequest(n -> requested = true)
                    // A cancel between the driver emitting the result and its rows being subscribed drops the result
                    // unread; the driver then never reads the rest of the statement's response, and the connection,
                    // back in the pool, hangs every later statement. Read it to its end instead.
                    .doOnDiscard(Result.class, CancelSafeQueries::drain);
        }

        /**
         * Closes the connection unless it belongs to the subscriber's transaction, exactly as DatabaseClient does
         * (ConnectionFactoryUtils.releaseConnection would also drop it from the transaction's holder, and the
         * transaction's next statement would then take another connection).
         */
        Mono<Void> release() {
            return ConnectionFactoryUtils.currentConnectionFactory(connectionFactory).then()
                    .onErrorResume(Exception.class, e -> Mono.from(connection.close()));
        }

        Mono<Void> cancel() {
            return stopOnServer(connection, requested, portalDeliveredRows).then(Mono.defer(this::release));
        }
    }
}
