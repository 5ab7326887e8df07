package io.queryset.internal.exec;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
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
 *       subscription's any more (a subscriber cancelled while the pool was handing it over never passes a request
 *       on, and r2dbc-pool releases the connection on such a cancel even as it is being delivered);</li>
 *   <li>inside a transaction: the transaction's next statement may be running by the time the request lands, and a
 *       cancelled statement aborts the whole transaction. The driver's drain is left to end the statement;</li>
 *   <li>once a portal query has delivered rows: the portal close bounds what is left to one chunk, and a
 *       {@code take(n)} on a stream, common and cheap, should not cost a connection to the server.</li>
 * </ul>
 *
 * <p>Like every {@link CancelSafeQueries}, it also reads to its end a result that a cancel made the pipeline drop.
 *
 * <p>r2dbc-postgresql is an optional dependency: {@link #of} returns null without it, and only {@link Driver}
 * touches its API.
 */
final class PostgresQueries extends CancelSafeQueries {

    private static final boolean DRIVER_PRESENT =
            ClassUtils.isPresent("io.r2dbc.postgresql.api.PostgresqlConnection", PostgresQueries.class.getClassLoader());

    /** How long a cancel waits for the server to take its request before giving the connection back regardless. */
    private static final Duration CANCEL_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private PostgresQueries(ConnectionFactory connectionFactory) {
        super(connectionFactory);
    }

    /** The queries of {@code connectionFactory}, or null when it is not PostgreSQL's (or the driver is absent). */
    static @Nullable PostgresQueries of(ConnectionFactory connectionFactory) {
        return DRIVER_PRESENT && "PostgreSQL".equals(connectionFactory.getMetadata().getName())
                ? new PostgresQueries(connectionFactory) : null;
    }

    @Override
    boolean coversInserts() {
        return false;
    }

    @Override
    Mono<Void> stopOnServer(Connection connection, boolean requested, boolean portalDeliveredRows) {
        Mono<Void> stop = requested && !portalDeliveredRows ? Driver.cancelRequest(connection) : Mono.empty();
        return stop.timeout(CANCEL_REQUEST_TIMEOUT)
                // Best effort: the driver's drain still ends the statement, only later.
                .onErrorResume(e -> Mono.empty());
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
