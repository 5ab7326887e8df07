package io.queryset.internal.exec;

import io.queryset.internal.mapping.ColumnSource;
import io.queryset.internal.mapping.RowMapper;
import io.queryset.internal.sql.BindValue;
import io.queryset.internal.sql.CompiledSql;
import io.queryset.internal.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs steps on JDBC through spring-jdbc, so every statement joins the caller's Spring transaction
 * ({@code @Transactional}, {@code TransactionTemplate}) and errors arrive as Spring's translated exceptions.
 */
public final class JdbcRunner implements BlockingRunner {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final JdbcTemplate jdbc;
    private final JdbcTransactionManager transactionManager;
    private final TransactionTemplate transactions;
    private final @Nullable Duration defaultTimeout;
    private final StatementLog statements;

    public JdbcRunner(DataSource dataSource, Dialect dialect, @Nullable Duration defaultTimeout) {
        this(dataSource, dialect, defaultTimeout, StatementLog.OFF);
    }

    public JdbcRunner(DataSource dataSource, Dialect dialect, @Nullable Duration defaultTimeout, StatementLog statements) {
        this.statements = statements;
        this.dataSource = dataSource;
        this.dialect = dialect;
        // Lazy: the error-code translator would otherwise open a connection to read the database's name right here,
        // at start-up, when the dialect is already known (from the URL) and the server may not be up yet.
        this.jdbc = new JdbcTemplate(dataSource, true);
        this.transactionManager = new JdbcTransactionManager(dataSource);
        this.transactions = new TransactionTemplate(transactionManager, Step.Atomic.DEFINITION);
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public <T> T run(Step<T> step) {
        return run(step, defaultTimeout);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> T run(Step<T> step, @Nullable Duration timeout) {
        if (step instanceof Step.Query q) {
            return (T) select(q.sql(), q.mapper(), timeout);
        }
        if (step instanceof Step.Update u) {
            Integer updated = execute(u.sql(), null, timeout, PreparedStatement::executeUpdate);
            return (T) Long.valueOf(updated.longValue());
        }
        if (step instanceof Step.Insert i) {
            return (T) insert(i, timeout);
        }
        if (step instanceof Step.Pure<T> p) {
            return p.value().get();
        }
        if (step instanceof Step.FlatMap f) {
            Object value = run(f.source(), timeout);
            return (T) run((Step<T>) f.next().apply(value), timeout);
        }
        if (step instanceof Step.Recover r) {
            try {
                return (T) run(r.source(), timeout);
            } catch (RuntimeException e) {
                if (r.type().isInstance(e)) {
                    return (T) run((Step<T>) r.fallback().apply(e), timeout);
                }
                throw e;
            }
        }
        if (step instanceof Step.Timed<T> t) {
            return run(t.inner(), t.timeout());
        }
        Step.Atomic<T> a = (Step.Atomic<T>) step;
        // Only a transaction begun here may be run again: inside the caller's, the rollback undid the caller's work too.
        boolean begunHere = !TransactionSynchronizationManager.hasResource(dataSource);
        for (int run = 0; ; run++) {
            try {
                return transactions.execute(status -> run(a.inner(), timeout));
            } catch (RuntimeException e) {
                if (!begunHere || run >= a.restarts() || !RolledBackTransactions.rolledBack(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    private <R> List<R> select(CompiledSql sql, RowMapper<R> mapper, @Nullable Duration timeout) {
        return execute(sql, null, timeout, ps -> {
            List<R> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ColumnSource columns = columns(rs);
                while (rs.next()) {
                    out.add(mapper.map(columns));
                }
            }
            return out;
        });
    }

    private <K> List<K> insert(Step.Insert<K> insert, @Nullable Duration timeout) {
        if (insert.keysAsRows()) {
            // INSERT ... RETURNING key: the keys are the statement's own result rows, in insertion order.
            return execute(insert.sql(), null, timeout, ps -> {
                List<K> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, insert.keyType()));
                    }
                }
                return out;
            });
        }
        return execute(insert.sql(), insert.returnKeys() ? insert.keyColumn() : null, timeout, ps -> {
            ps.executeUpdate();
            List<K> out = new ArrayList<>();
            if (insert.returnKeys()) {
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, insert.keyType()));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Runs {@code body} on a prepared statement through JdbcTemplate (the caller's transaction, translated errors).
     * A statement timeout is cleared again before the statement is given back: H2 keeps it on the session, where the
     * pooled connection's next user would inherit it.
     */
    private <V> V execute(CompiledSql sql, @Nullable String keyColumn, @Nullable Duration timeout,
                          PreparedStatementCallback<V> body) {
        long start = statements.start();
        V result;
        try {
            result = jdbc.execute((PreparedStatementCreator) con -> prepare(con, sql, keyColumn, timeout), ps -> {
                try {
                    return body.doInPreparedStatement(ps);
                } finally {
                    if (timeout != null) {
                        ps.setQueryTimeout(0);
                    }
                }
            });
        } catch (RuntimeException e) {
            statements.executed(sql, start, e);
            throw e;
        }
        statements.executed(sql, start, null);
        if (result == null) {
            throw new IllegalStateException("No result from " + sql.sql());
        }
        return result;
    }

    @Override
    public <R> Stream<R> stream(CompiledSql sql, RowMapper<R> mapper, int fetchSize, @Nullable Duration timeout) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        boolean ownTransaction = false;
        PreparedStatement ps = null;
        ResultSet rs = null;
        try {
            // PostgreSQL honours the fetch size (a server-side cursor) only outside auto-commit.
            if (!TransactionSynchronizationManager.isActualTransactionActive() && con.getAutoCommit()) {
                con.setAutoCommit(false);
                ownTransaction = true;
            }
            ps = prepare(con, sql, null, timeout == null ? defaultTimeout : timeout);
            ps.setFetchSize(fetchSize);
            long start = statements.start();
            try {
                rs = ps.executeQuery();
            } catch (SQLException e) {
                statements.executed(sql, start, e);
                throw e;
            }
            statements.executed(sql, start, null);
            ResultSet results = rs;
            PreparedStatement statement = ps;
            boolean restore = ownTransaction;
            ColumnSource columns = columns(rs);
            Spliterator<R> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
                @Override
                public boolean tryAdvance(Consumer<? super R> action) {
                    try {
                        if (!results.next()) {
                            return false;
                        }
                    } catch (SQLException e) {
                        throw translate(sql, e);
                    }
                    action.accept(mapper.map(columns));
                    return true;
                }
            };
            return StreamSupport.stream(rows, false).onClose(() -> release(con, statement, results, restore));
        } catch (SQLException | RuntimeException e) {
            release(con, ps, rs, ownTransaction);
            throw e instanceof SQLException s ? translate(sql, s) : (RuntimeException) e;
        }
    }

    private void release(Connection con, @Nullable PreparedStatement ps, @Nullable ResultSet rs, boolean ownTransaction) {
        try {
            if (rs != null) rs.close();
            if (ps != null) ps.close();
            if (ownTransaction) {
                con.commit();
                con.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(null, e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    private RuntimeException translate(@Nullable CompiledSql sql, SQLException e) {
        RuntimeException translated = jdbc.getExceptionTranslator().translate("QuerySet", sql == null ? null : sql.sql(), e);
        return translated != null ? translated : new IllegalStateException(e);
    }

    private PreparedStatement prepare(Connection con, CompiledSql sql, @Nullable String keyColumn,
                                      @Nullable Duration timeout) throws SQLException {
        PreparedStatement ps = keyColumn != null ? con.prepareStatement(sql.sql(), new String[] {keyColumn})
                : con.prepareStatement(sql.sql());
        if (timeout != null) {
            // JDBC counts whole seconds: round up, so a timeout never fires early.
            ps.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
        }
        List<BindValue> params = sql.params();
        for (int i = 0; i < params.size(); i++) {
            BindValue p = dialect.toDriver(params.get(i));
            if (p.value() == null) {
                ps.setNull(i + 1, JdbcTypes.of(p.type()));
            } else if (p.value() instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else {
                ps.setObject(i + 1, p.value());
            }
        }
        return ps;
    }

    private ColumnSource columns(ResultSet rs) {
        return (index, requested) -> {
            Class<?> type = dialect.driverReadType(requested);
            try {
                if (type == byte[].class) {
                    return rs.getBytes(index + 1);
                }
                // Numbers are read as the driver's natural type and narrowed or widened by ColumnKind:
                // aggregates such as STDDEV over integers come back as NUMERIC on PostgreSQL.
                Object value = Number.class.isAssignableFrom(type) ? rs.getObject(index + 1) : rs.getObject(index + 1, type);
                return rs.wasNull() ? null : value;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read column " + (index + 1) + " as " + type.getSimpleName(), e);
            }
        };
    }
}
