package io.queryset.internal.exec;

import io.queryset.internal.mapping.RowMapper;
import io.queryset.internal.sql.CompiledSql;
import java.time.Duration;
import io.queryset.AsyncBridge;
import java.util.Iterator;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionContext;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * Django's async model: the blocking runner on a dedicated bounded scheduler, one hop per call (and, for
 * streams, rows pulled on the bridge as the subscriber requests them).
 *
 * <p>Inside a bridged reactive transaction ({@link BridgedTransactionManager}, e.g. {@code db.aatomic(...)}) the
 * transaction's JDBC connection travels in the subscriber's context; each hop binds it to the bridge thread for
 * the duration of the call, so every statement of the pipeline runs on that one connection.
 */
public final class BridgedRunner implements AsyncRunner {

    private final BlockingRunner blocking;
    private final DataSource dataSource;
    private final AsyncBridge bridge;
    private final BridgedTransactionManager transactions;

    public BridgedRunner(BlockingRunner blocking, DataSource dataSource, AsyncBridge bridge) {
        this.blocking = blocking;
        this.dataSource = dataSource;
        this.bridge = bridge;
        this.transactions = new BridgedTransactionManager(dataSource, bridge);
    }

    @Override
    public <T> Mono<T> run(Step<T> step) {
        return Mono.deferContextual(context -> {
            ConnectionHolder transaction = transactionConnection(context);
            return BridgeTasks.call(laneFor(transaction), () -> bound(transaction, () -> blocking.run(step)));
        });
    }

    /**
     * The bridge, for work that needs a pooled connection. Work inside a bridged transaction already holds its
     * connection: it runs in {@link BridgedTransactionManager#HOLDING_A_CONNECTION}, never queued behind bridge
     * threads that may all be waiting for a pooled connection only this transaction will give back.
     */
    private AsyncBridge laneFor(@Nullable ConnectionHolder transaction) {
        return transaction == null ? bridge : BridgedTransactionManager.HOLDING_A_CONNECTION;
    }

    @Override
    public <R> Flux<R> stream(CompiledSql sql, RowMapper<R> mapper, int fetchSize, @Nullable Duration timeout) {
        // generate() pulls one row per request on the bridge thread (subscribeOn moves requests there). On
        // cancellation it closes the cursor itself only when no row is being pulled, so the ResultSet is never
        // closed under a running next(); see close() for the thread the close runs on.
        return Flux.deferContextual(context -> {
            ConnectionHolder transaction = transactionConnection(context);
            return Flux.<R, OpenRows<R>>generate(
                    () -> ThreadLocalPropagation.callWithin(context,
                            () -> bound(transaction, () -> new OpenRows<>(blocking.stream(sql, mapper, fetchSize, timeout)))),
                    (rows, sink) -> {
                        if (rows.iterator.hasNext()) {
                            sink.next(rows.iterator.next());
                        } else {
                            sink.complete();
                        }
                        return rows;
                    },
                    rows -> close(transaction, rows))
                    .subscribeOn(laneFor(transaction).scheduler())
                    .onErrorMap(RejectedExecutionException.class, e -> BridgeTasks.rejected(bridge, e));
        }).contextCapture();
    }

    @Override
    public ReactiveTransactionManager transactionManager() {
        return transactions;
    }

    /** The JDBC connection of the subscriber's bridged transaction, if it is inside one. */
    private @Nullable ConnectionHolder transactionConnection(ContextView context) {
        if (!context.hasKey(TransactionContext.class)) {
            return null;
        }
        Object resource = context.get(TransactionContext.class).getResources().get(dataSource);
        return resource instanceof ConnectionHolder holder ? holder : null;
    }

    /** Runs {@code work} with {@code transaction}'s connection bound to this thread, as Spring's JDBC code expects. */
    private <T> T bound(@Nullable ConnectionHolder transaction, Supplier<T> work) {
        if (transaction == null) {
            return work.get();
        }
        Object previous = TransactionSynchronizationManager.hasResource(dataSource)
                ? TransactionSynchronizationManager.unbindResource(dataSource) : null;
        TransactionSynchronizationManager.bindResource(dataSource, transaction);
        try {
            return work.get();
        } finally {
            TransactionSynchronizationManager.unbindResource(dataSource);
            if (previous != null) {
                TransactionSynchronizationManager.bindResource(dataSource, previous);
            }
        }
    }

    /**
     * Closes a finished or cancelled stream's cursor, giving its connection back. Never queued on the bridge: its
     * threads may all be waiting for a pooled connection that only this close returns, and a close queued behind
     * them would wait out their pool timeouts. Where blocking is allowed (the bridge thread when the rows end or a
     * {@code take(n)} cancels) it closes at once; a cancel from a non-blocking thread (an event loop) closes in
     * {@link BridgedTransactionManager#HOLDING_A_CONNECTION}, with the other work that only gives a connection back.
     */
    private void close(@Nullable ConnectionHolder transaction, OpenRows<?> rows) {
        if (Schedulers.isInNonBlockingThread()) {
            BridgedTransactionManager.HOLDING_A_CONNECTION.scheduler().schedule(() -> boundRun(transaction, rows::close));
        } else {
            boundRun(transaction, rows::close);
        }
    }

    private void boundRun(@Nullable ConnectionHolder transaction, Runnable work) {
        bound(transaction, () -> {
            work.run();
            return Boolean.TRUE;
        });
    }

    /** A blocking row stream being pulled by a subscriber. */
    private static final class OpenRows<R> {
        final Stream<R> stream;
        final Iterator<R> iterator;

        OpenRows(Stream<R> stream) {
            this.stream = stream;
            this.iterator = stream.iterator();
        }

        void close() {
            stream.close();
        }
    }
}
