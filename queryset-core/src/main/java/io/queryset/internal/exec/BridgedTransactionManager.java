package io.queryset.internal.exec;

import io.queryset.AsyncBridge;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.AbstractReactiveTransactionManager;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A reactive transaction over a JDBC connection, for {@code BRIDGED} mode. Django's answer to "transactions in
 * async code" is "write a synchronous function"; here a pipeline of {@code a}-methods, each one a hop to the
 * bridge's threads, shares one JDBC transaction: the connection lives in the subscriber's reactive transaction
 * context instead of on a thread, and {@link BridgedRunner} binds it to the bridge thread for each hop.
 *
 * <p>Everything that touches the connection runs off the subscriber's thread: BEGIN on the bridge, the rest
 * (savepoints, commit, rollback, close) in {@link #HOLDING_A_CONNECTION}. {@code PROPAGATION_NESTED} inside an
 * active transaction is a savepoint, as with Spring's JDBC and R2DBC managers.
 */
public final class BridgedTransactionManager extends AbstractReactiveTransactionManager {

    /**
     * Where blocking work that already holds its connection runs (a statement inside a bridged transaction, its
     * commit, rollback and close): Reactor's shared bounded elastic scheduler, beside the bridge rather than on it.
     * Queued on the bridge, it could wait behind bridge threads that are all blocked acquiring a pooled connection
     * that only this transaction will give back, until the pool's timeout.
     */
    static final AsyncBridge HOLDING_A_CONNECTION = new AsyncBridge(Schedulers.boundedElastic());

    private final DataSource dataSource;
    private final AsyncBridge bridge;
    /** Built on the first error: building it reads the database's name through a connection. */
    private final SingletonSupplier<SQLExceptionTranslator> translator;

    public BridgedTransactionManager(DataSource dataSource, AsyncBridge bridge) {
        this.dataSource = dataSource;
        this.bridge = bridge;
        this.translator = SingletonSupplier.of(() -> new SQLErrorCodeSQLExceptionTranslator(dataSource));
    }

    /** The DataSource whose connections this manager binds (the key of the bound {@link ConnectionHolder}). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected Object doGetTransaction(TransactionSynchronizationManager synchronization) {
        return new BridgedTransaction((ConnectionHolder) synchronization.getResource(dataSource));
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return ((BridgedTransaction) transaction).holder != null;
    }

    @Override
    protected Mono<Void> doBegin(TransactionSynchronizationManager synchronization, Object transaction,
                                 TransactionDefinition definition) {
        BridgedTransaction tx = (BridgedTransaction) transaction;
        ConnectionHolder existing = tx.holder;
        if (existing != null && definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED) {
            return holdingAConnection("SAVEPOINT", () -> {
                tx.savepoint = existing.createSavepoint();
                return null;
            });
        }
        // BEGIN takes a pooled connection: it queues on the bridge like any other call that needs one.
        return run(bridge, "BEGIN", () -> {
            Connection con = dataSource.getConnection();
            try {
                tx.previousIsolation = DataSourceUtils.prepareConnectionForTransaction(con, definition);
                tx.readOnly = definition.isReadOnly();
                if (con.getAutoCommit()) {
                    tx.restoreAutoCommit = true;
                    con.setAutoCommit(false);
                }
            } catch (SQLException | RuntimeException e) {
                con.close();
                throw e;
            }
            ConnectionHolder holder = new ConnectionHolder(con, true);
            holder.setSynchronizedWithTransaction(true);
            if (definition.getTimeout() != TransactionDefinition.TIMEOUT_DEFAULT) {
                holder.setTimeoutInSeconds(definition.getTimeout());
            }
            tx.holder = holder;
            tx.newHolder = true;
            return null;
        }).then(Mono.fromRunnable(() -> synchronization.bindResource(dataSource, tx.holder)));
    }

    @Override
    protected Mono<Object> doSuspend(TransactionSynchronizationManager synchronization, Object transaction) {
        ((BridgedTransaction) transaction).holder = null;
        return Mono.justOrEmpty(synchronization.unbindResource(dataSource));
    }

    @Override
    protected Mono<Void> doResume(TransactionSynchronizationManager synchronization, @Nullable Object transaction,
                                  Object suspendedResources) {
        return Mono.fromRunnable(() -> synchronization.bindResource(dataSource, suspendedResources));
    }

    @Override
    protected Mono<Void> doCommit(TransactionSynchronizationManager synchronization, GenericReactiveTransaction status) {
        BridgedTransaction tx = (BridgedTransaction) status.getTransaction();
        Savepoint savepoint = tx.savepoint;
        if (savepoint != null) {
            return holdingAConnection("RELEASE SAVEPOINT", () -> {
                tx.savepoint = null;
                tx.connection().releaseSavepoint(savepoint);
                return null;
            });
        }
        return holdingAConnection("COMMIT", () -> {
            tx.connection().commit();
            return null;
        });
    }

    @Override
    protected Mono<Void> doRollback(TransactionSynchronizationManager synchronization, GenericReactiveTransaction status) {
        BridgedTransaction tx = (BridgedTransaction) status.getTransaction();
        Savepoint savepoint = tx.savepoint;
        if (savepoint != null) {
            return holdingAConnection("ROLLBACK TO SAVEPOINT", () -> {
                tx.savepoint = null;
                Connection con = tx.connection();
                con.rollback(savepoint);
                con.releaseSavepoint(savepoint);
                return null;
            });
        }
        return holdingAConnection("ROLLBACK", () -> {
            tx.connection().rollback();
            return null;
        });
    }

    @Override
    protected Mono<Void> doSetRollbackOnly(TransactionSynchronizationManager synchronization,
                                           GenericReactiveTransaction status) {
        return Mono.fromRunnable(() -> {
            ConnectionHolder holder = ((BridgedTransaction) status.getTransaction()).holder;
            if (holder != null) {
                holder.setRollbackOnly();
            }
        });
    }

    @Override
    protected Mono<Void> doCleanupAfterCompletion(TransactionSynchronizationManager synchronization, Object transaction) {
        BridgedTransaction tx = (BridgedTransaction) transaction;
        ConnectionHolder holder = tx.holder;
        if (!tx.newHolder || holder == null) {
            return Mono.empty();
        }
        synchronization.unbindResource(dataSource);
        return holdingAConnection("CLOSE", () -> {
            Connection con = holder.getConnection();
            try {
                if (tx.restoreAutoCommit) {
                    con.setAutoCommit(true);
                }
                DataSourceUtils.resetConnectionAfterTransaction(con, tx.previousIsolation, tx.readOnly);
            } finally {
                holder.clear();
                con.close();
            }
            return null;
        });
    }

    private Mono<Void> holdingAConnection(String task, Callable<@Nullable Void> work) {
        return run(HOLDING_A_CONNECTION, task, work);
    }

    private Mono<Void> run(AsyncBridge lane, String task, Callable<@Nullable Void> work) {
        return BridgeTasks.call(lane, () -> {
            try {
                return work.call();
            } catch (SQLException e) {
                RuntimeException translated = translator.obtain().translate("Bridged transaction " + task, null, e);
                throw translated != null ? translated : new IllegalStateException(e);
            }
        }).then();
    }

    /** One level of a bridged transaction: the shared connection and, for a nested level, its savepoint. */
    private static final class BridgedTransaction {
        @Nullable ConnectionHolder holder;
        boolean newHolder;
        @Nullable Savepoint savepoint;
        boolean restoreAutoCommit;
        boolean readOnly;
        @Nullable Integer previousIsolation;

        BridgedTransaction(@Nullable ConnectionHolder holder) {
            this.holder = holder;
        }

        Connection connection() {
            ConnectionHolder h = holder;
            if (h == null) {
                throw new IllegalStateException("No connection bound to this bridged transaction");
            }
            return h.getConnection();
        }
    }
}
