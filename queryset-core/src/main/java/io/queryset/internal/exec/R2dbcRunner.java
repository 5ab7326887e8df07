package io.queryset.internal.exec;

import io.queryset.internal.mapping.ColumnSource;
import io.queryset.internal.mapping.RowMapper;
import io.queryset.internal.sql.BindValue;
import io.queryset.internal.sql.CompiledSql;
import io.queryset.internal.sql.Dialect;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs steps natively on R2DBC through spring-r2dbc's {@link DatabaseClient}: non-blocking end to end,
 * joining the subscriber's reactive transaction, with errors translated to Spring's exceptions.
 */
public final class R2dbcRunner implements AsyncRunner {

    private final ConnectionFactory connectionFactory;
    private final DatabaseClient client;
    private final Dialect dialect;
    private final R2dbcTransactionManager transactionManager;
    private final TransactionalOperator transactions;
    private final @Nullable Duration defaultTimeout;
    /** The driver's statements where spring-r2dbc's DatabaseClient would leave a cancelled one's connection hanging. */
    private final @Nullable CancelSafeQueries queries;
    private final StatementLog statements;

    public R2dbcRunner(ConnectionFactory connectionFactory, Dialect dialect, @Nullable Duration defaultTimeout) {
        this(connectionFactory, dialect, defaultTimeout, StatementLog.OFF);
    }

    public R2dbcRunner(ConnectionFactory connectionFactory, Dialect dialect, @Nullable Duration defaultTimeout,
                       StatementLog statements) {
        this.statements = statements;
        this.connectionFactory = connectionFactory;
        this.client = DatabaseClient.create(connectionFactory);
        this.queries = CancelSafeQueries.of(connectionFactory, dialect);
        this.dialect = dialect;
        this.transactionManager = new R2dbcTransactionManager(connectionFactory);
        this.transactions = TransactionalOperator.create(transactionManager, Step.Atomic.DEFINITION);
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public <T> Mono<T> run(Step<T> step) {
        return run(step, defaultTimeout);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Mono<T> run(Step<T> step, @Nullable Duration timeout) {
        if (step instanceof Step.Query q) {
            // alist() returns a List by contract; every other Query step is bounded (get() reads at most 21 rows,
            // count one). Reads meant to be unbounded go through stream().
            return (Mono<T>) logged(rows(q.sql(), q.mapper(), 0, timeout, true).collectList(), q.sql());
        }
        if (step instanceof Step.Update u) {
            return (Mono<T>) statement(rowsUpdated(u.sql(), timeout), u.sql(), timeout);
        }
        if (step instanceof Step.Insert i) {
            return (Mono<T>) insert(i, timeout);
        }
        if (step instanceof Step.Pure<T> p) {
            return Mono.fromSupplier(p.value());
        }
        if (step instanceof Step.FlatMap f) {
            return run(f.source(), timeout).flatMap(v -> run((Step<T>) f.next().apply(v), timeout));
        }
        if (step instanceof Step.Recover r) {
            return run((Step<T>) r.source(), timeout)
                    .onErrorResume(r.type(), e -> run((Step<T>) r.fallback().apply(e), timeout));
        }
        if (step instanceof Step.Timed<T> t) {
            return run(t.inner(), t.timeout());
        }
        Step.Atomic<T> a = (Step.Atomic<T>) step;
        Mono<T> atomic = transactions.transactional(Mono.defer(() -> run(a.inner(), timeout)));
        if (a.restarts() == 0) {
            return atomic;
        }
        // Only a transaction begun here may be run again: inside the caller's, the rollback undid the caller's work too.
        return ReactiveTransactions.ask(sync -> sync.hasResource(connectionFactory)).flatMap(inside -> inside ? atomic
                : atomic.retryWhen(Retry.max(a.restarts()).filter(RolledBackTransactions::rolledBack)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure())));
    }


    @Override
    public ReactiveTransactionManager transactionManager() {
        return transactionManager;
    }

    private <K> Mono<List<K>> insert(Step.Insert<K> insert, @Nullable Duration timeout) {
        if (insert.keysAsRows()) {
            // INSERT ... RETURNING key written by the dialect: the driver must not add a RETURNING of its own.
            Flux<K> keys = queries != null && queries.coversInserts()
                    ? queries.rows(withTimeout(insert.sql(), timeout), bindValues(insert.sql()), 0, row -> row.get(0, insert.keyType()))
                    : spec(insert.sql(), timeout).map(row -> row.get(0, insert.keyType())).all();
            return statement(keys.collectList(), insert.sql(), timeout);
        }
        if (!insert.returnKeys() && queries != null && queries.coversInserts()) {
            return statement(queries.rowsUpdated(withTimeout(insert.sql(), timeout), bindValues(insert.sql())), insert.sql(),
                    timeout).thenReturn(List.of());
        }
        if (!insert.returnKeys()) {
            return statement(spec(insert.sql(), timeout).fetch().rowsUpdated(), insert.sql(), timeout).thenReturn(List.of());
        }
        return statement(spec(insert.sql(), timeout)
                .filter(s -> s.returnGeneratedValues(insert.keyColumn()))
                .map(row -> row.get(0, insert.keyType()))
                .all()
                .collectList(), insert.sql(), timeout);
    }

    @Override
    public <R> Flux<R> stream(CompiledSql sql, RowMapper<R> mapper, int fetchSize, @Nullable Duration timeout) {
        // A stream's timeout bounds the wait for each row, not the whole statement: the server must not stop it.
        Flux<R> rows = rows(sql, mapper, fetchSize, timeout == null ? defaultTimeout : timeout, false);
        if (!statements.isActive()) {
            return rows;
        }
        // A stream's statement time is until its first row: how fast the subscriber consumes is not the database's.
        return Flux.defer(() -> {
            long start = statements.start();
            boolean[] logged = {false};
            return rows.doOnEach(signal -> {
                if (!logged[0] && !signal.isOnSubscribe()) {
                    logged[0] = true;
                    statements.executed(sql, start, signal.getThrowable());
                }
            });
        });
    }

    /** {@code statement} timed for the statement log, from subscription to its result or error. */
    private <V> Mono<V> logged(Mono<V> statement, CompiledSql sql) {
        if (!statements.isActive()) {
            return statement;
        }
        return Mono.defer(() -> {
            long start = statements.start();
            return statement.doOnSuccess(v -> statements.executed(sql, start, null))
                    .doOnError(e -> statements.executed(sql, start, e));
        });
    }

    /** @param wholeStatement whether the timeout bounds the whole statement, so the server may stop it then too */
    private <R> Flux<R> rows(CompiledSql sql, RowMapper<R> mapper, int fetchSize, @Nullable Duration timeout,
                             boolean wholeStatement) {
        Flux<R> rows;
        if (queries != null) {
            // A cancelled subscription never leaves the connection stuck behind an unread result; on PostgreSQL a cancel
            // (or a timeout) also stops the statement on the server.
            rows = queries.rows(withTimeout(sql, wholeStatement ? timeout : null), bindValues(sql), fetchSize,
                    row -> mapper.map(columns(row)));
        } else {
            DatabaseClient.GenericExecuteSpec spec = spec(sql, wholeStatement ? timeout : null);
            if (fetchSize > 0) {
                spec = spec.filter(s -> s.fetchSize(fetchSize));
            }
            rows = spec.map((row, meta) -> mapper.map(columns(row))).all();
        }
        // Per row: the first must come within the timeout, and each next one (a stream may run for long).
        return timeout == null ? rows
                : rows.timeout(timeout).onErrorMap(TimeoutException.class, e -> timedOut(sql, timeout, e));
    }

    private Mono<Long> rowsUpdated(CompiledSql sql, @Nullable Duration timeout) {
        // On PostgreSQL a cancelled (or timed-out) update is stopped on the server, as JDBC's statement timeout does.
        return queries != null ? queries.rowsUpdated(withTimeout(sql, timeout), bindValues(sql))
                : spec(sql, timeout).fetch().rowsUpdated();
    }

    /** One statement's result: bounded by {@code timeout}, and timed for the statement log. */
    private <V> Mono<V> statement(Mono<V> mono, CompiledSql sql, @Nullable Duration timeout) {
        return logged(timed(mono, sql, timeout), sql);
    }

    private <V> Mono<V> timed(Mono<V> mono, CompiledSql sql, @Nullable Duration timeout) {
        return timeout == null ? mono : mono.timeout(timeout).onErrorMap(TimeoutException.class, e -> timedOut(sql, timeout, e));
    }

    /** The reactive timeout as the exception JDBC's statement timeout gives (Spring's translation of it). */
    private static QueryTimeoutException timedOut(CompiledSql sql, Duration timeout, TimeoutException cause) {
        QueryTimeoutException e = new QueryTimeoutException("Statement cancelled after its timeout of " + timeout
                + ": " + sql.sql());
        e.initCause(cause);
        return e;
    }

    /** The statement of {@code sql}, made to stop on the server after {@code timeout} where the dialect can say so. */
    private DatabaseClient.GenericExecuteSpec spec(CompiledSql sql, @Nullable Duration timeout) {
        // One bindValues call: each bind(i, v) copies every earlier binding, which is quadratic in the
        // parameters (seconds for a bulkCreate or inBulk near the parameter limit).
        return client.sql(withTimeout(sql, timeout)).bindValues(bindValues(sql));
    }

    /** The driver's SQL of {@code sql}, made to stop on the server after {@code timeout} where the dialect can say so. */
    private String withTimeout(CompiledSql sql, @Nullable Duration timeout) {
        String text = sql.nativeSql(dialect);
        return timeout == null ? text : dialect.withStatementTimeout(text, timeout);
    }

    private List<Object> bindValues(CompiledSql sql) {
        List<BindValue> params = sql.params();
        List<Object> values = new ArrayList<>(params.size());
        for (BindValue param : params) {
            BindValue p = dialect.toDriver(param);
            values.add(p.value() == null ? Parameters.in(p.type()) : p.value());
        }
        return values;
    }

    private ColumnSource columns(Row row) {
        // Numbers are read as the driver's natural type and converted by ColumnKind (see JdbcRunner).
        return (index, requested) -> {
            Class<?> type = dialect.driverReadType(requested);
            return Number.class.isAssignableFrom(type) ? row.get(index) : row.get(index, type);
        };
    }
}
