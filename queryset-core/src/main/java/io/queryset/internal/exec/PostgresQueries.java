package io.queryset.internal.exec;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Row queries and updates on PostgreSQL whose cancellation stops the statement on the server.
 *
 * <p>r2dbc-postgresql answers a cancelled subscription by draining: it keeps reading the statement's response and
 * drops it, since the connection can take its next statement only after that. Without a fetch size that is every
 * remaining row; with one (a portal) it is the chunk in flight, after which the driver closes the portal. A
 * statement still computing its rows (a sort, an aggregate, a filter over a large table) thus runs to its end on
 * the server, while the connection, given back to the pool at once, makes its next borrower queue behind it.
 *
 * <p>So when a subscription is cancelled while its statement may still be running, this sends PostgreSQL's
 * CancelRequest for the connection's backend, and gives the connection back only once the server has taken the
 * request (it signals the backend before closing the cancel connection): a late request can never stop a statement
 * of the connection's next borrower. Nothing is sent
 * <ul>
 *   <li>before the statement was asked for rows: it cannot be running, and the connection may not even be this
 *       subscription's any more (see {@code Execution.cancel});</li>
 *   <li>inside a transaction: the transaction's next statement may be running by the time the request lands, and a
 *       cancelled statement aborts the whole transaction. The driver's drain is left to end the statement;</li>
 *   <li>once a portal query has delivered rows: the portal close bounds what is left to one chunk, and a
 *       {@code take(n)} on a stream, common and cheap, should not cost a connection to the server.</li>
 * </ul>
 *
 * <p>It also reads to its end a result that a cancel made the pipeline drop before its rows were subscribed. Left
 * unread, the driver never reads the rest of that statement's response, and the connection hangs every statement
 * after it (spring-r2dbc's DatabaseClient drops it too, which is one reason this class runs the query itself).
 *
 * <p>r2dbc-postgresql is an optional dependency: {@link #of} returns null without it, and only {@link Driver}
 * touches its API.
 */
final class PostgresQueries {

    private static final boolean DRIVER_PRESENT =
            ClassUtils.isPresent("io.r2dbc.postgresql.api.PostgresqlConnection", PostgresQueries.class.getClassLoader());

    /** How long a cancel waits for the server to take its request before giving the connection back regardless. */
    private static final Duration CANCEL_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionFactory connectionFactory;

    private PostgresQueries(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /** The queries of {@code connectionFactory}, or null when it is not PostgreSQL's (or the driver is absent). */
    static @Nullable PostgresQueries of(ConnectionFactory connectionFactory) {
        return DRIVER_PRESENT && "PostgreSQL".equals(connectionFactory.getMetadata().getName())
                ? new PostgresQueries(connectionFactory) : null;
    }

    /**
     * The rows of {@code sql}, run as spring-r2dbc's DatabaseClient would (the subscriber's transaction joined,
     * errors translated), {@code fetchSize} rows per round trip when positive.
     */
    <R> Flux<R> rows(String sql, List<Object> bindValues, int fetchSize, Function<Row, R> mapper) {
        return Flux.usingWhen(
                        ConnectionFactoryUtils.getConnection(connectionFactory).map(Execution::new),
                        execution -> execution.rows(sql, bindValues, fetchSize, mapper),
                        Execution::release,
                        (execution, error) -> execution.release(),
                        Execution::cancel)
                .onErrorMap(R2dbcException.class, e -> ConnectionFactoryUtils.convertR2dbcException("executeMany", sql, e));
    }

    /** The rows affected by {@code sql} (an UPDATE or DELETE), run like {@link #rows}, a cancel stopping it likewise. */
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
                    .doOnDiscard(Result.class, PostgresQueries::drain);
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
            // Only a statement that was asked for rows can be running. And only then is the connection surely this
            // execution's: a subscriber cancelled while the pool was handing it over never passes a request on, and
            // the pool may already have given that connection to someone else (r2dbc-pool releases it on such a
            // cancel even as it is being delivered), whose statement a CancelRequest would stop.
            Mono<Void> stop = requested && !portalDeliveredRows ? Driver.cancelRequest(connection) : Mono.empty();
            return stop.timeout(CANCEL_REQUEST_TIMEOUT)
                    // Best effort: the driver's drain still ends the statement, only later.
                    .onErrorResume(e -> Mono.empty())
                    .then(Mono.defer(this::release));
        }
    }

    /** The only code touching r2dbc-postgresql's own API, loaded only when the driver is present. */
    private static final class Driver {

        /** Sends a CancelRequest for the backend of {@code connection} (a pool's connection is unwrapped), if not in a transaction. */
        static Mono<Void> cancelRequest(Connection connection) {
            Object current = connection;
            for (int depth = 0; depth < 8 && !(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped; depth++) {
                current = wrapped.unwrap();
            }
            if (current instanceof PostgresqlConnection postgres && postgres.isAutoCommit()) {
                return postgres.cancelRequest();
            }
            return Mono.empty();
        }
    }
}
