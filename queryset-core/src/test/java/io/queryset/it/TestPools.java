package io.queryset.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.queryset.testing.DatabaseKind;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestDatabases;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Connection pools a test builds for itself (a given size, its own PostgreSQL {@code application_name}) over the
 * harness's servers, so it can read the pool's own counters and find its own backends in {@code pg_stat_activity}.
 * The caller closes them.
 */
final class TestPools {

    /** How long a test waits for a pool to settle after cancellations: a bound on a wait, never an assertion. */
    static final Duration SETTLE = Duration.ofSeconds(30);

    private TestPools() {
    }

    /**
     * An r2dbc-pool of {@code maxSize} connections straight over the server's driver (PostgreSQL: in this JVM's
     * test schema, as {@code applicationName}), its connections opened on the calling thread.
     */
    static ConnectionPool r2dbc(DatabaseKind kind, int maxSize, String applicationName) {
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(TestDatabases.r2dbcUrl(kind)).mutate()
                .option(ConnectionFactoryOptions.USER, TestDatabases.username(kind));
        String password = TestDatabases.password(kind);
        if (password != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        if (kind == DatabaseKind.POSTGRES) {
            options.option(Option.valueOf("applicationName"), applicationName);
        }
        ConnectionPoolConfiguration.Builder pool = ConnectionPoolConfiguration.builder(ConnectionFactories.get(options.build()))
                .name(applicationName)
                .initialSize(maxSize)
                .maxSize(maxSize)
                // No idle eviction: the pool's counters must only move because of the test.
                .maxIdleTime(Duration.ofMillis(-1))
                .backgroundEvictionInterval(Duration.ZERO);
        if (kind == DatabaseKind.H2) {
            // r2dbc-h2 opens an embedded session synchronously (see TestDatabases).
            pool.allocatorSubscribeOn(Schedulers.boundedElastic());
        }
        ConnectionPool cf = new ConnectionPool(pool.build());
        cf.warmup().block(SETTLE);
        return cf;
    }

    /** A HikariCP pool of {@code maxSize} connections on the server (PostgreSQL: as {@code applicationName}). */
    static HikariDataSource hikari(DatabaseKind kind, int maxSize, String applicationName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabases.jdbcUrl(kind));
        config.setUsername(TestDatabases.username(kind));
        String password = TestDatabases.password(kind);
        if (password != null) {
            config.setPassword(password);
        }
        if (kind == DatabaseKind.POSTGRES) {
            config.addDataSourceProperty("ApplicationName", applicationName);
        }
        config.setPoolName(applicationName);
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(maxSize);
        config.setConnectionTimeout(SETTLE.toMillis());
        return new HikariDataSource(config);
    }

    /** The pool's acquired connections and pending acquisitions, for a failure message. */
    static String describe(ConnectionPool pool) {
        PoolMetrics m = pool.getMetrics().orElseThrow();
        return "acquired " + m.acquiredSize() + ", pending " + m.pendingAcquireSize() + ", allocated " + m.allocatedSize()
                + ", idle " + m.idleSize();
    }

    /** Whether the pool has no connection out and nobody waiting for one. */
    static boolean settled(ConnectionPool pool) {
        PoolMetrics m = pool.getMetrics().orElseThrow();
        return m.acquiredSize() == 0 && m.pendingAcquireSize() == 0;
    }

    /**
     * Takes every connection the pool can give at once and runs {@code SELECT 1} on each, counting those that answer
     * outside a transaction: a connection given back while still busy with a cancelled statement (or stuck behind
     * one), or left inside a transaction, is not counted, where the pool's counters would not tell.
     */
    static int connectionsAnsweringOutsideATransaction(ConnectionPool pool, int maxSize) {
        Long answered = Flux.range(0, maxSize)
                .flatMap(i -> Mono.from(pool.create()), maxSize)
                .collectList()
                .flatMap(connections -> Flux.fromIterable(connections)
                        .filter(Connection::isAutoCommit)
                        .flatMap(c -> Flux.from(c.createStatement("SELECT 1").execute())
                                .flatMap(result -> result.map((row, meta) -> 1)))
                        .count()
                        .flatMap(n -> Flux.fromIterable(connections).flatMap(Connection::close).then(Mono.just(n))))
                .block(SETTLE);
        return answered == null ? 0 : answered.intValue();
    }

    /**
     * Disposes {@code pool}; on PostgreSQL then ends whatever backend of {@code applicationName} is left (only after a
     * failure: a connection still out, or one the pool lost track of, may hold locks that would stall the harness's
     * DROP TABLE).
     */
    static void dispose(ConnectionPool pool, Fixture fx, String applicationName) {
        pool.disposeLater().onErrorComplete().block(SETTLE);
        if (fx.isPostgres()) {
            try (java.sql.Connection c = fx.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                        + applicationName.replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The state and query of every PostgreSQL backend whose {@code application_name} is {@code applicationName}
     * ({@code "active: SELECT ..."}), read through {@code admin}, a connection of another pool.
     */
    static List<String> backends(DataSource admin, String applicationName) {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = admin.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT state, query FROM pg_stat_activity WHERE application_name = '"
                     + applicationName.replace("'", "''") + "' ORDER BY pid")) {
            while (rs.next()) {
                out.add(rs.getString(1) + ": " + rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The backends of {@code applicationName} that are running a statement. */
    static List<String> activeBackends(DataSource admin, String applicationName) {
        return backends(admin, applicationName).stream().filter(b -> b.startsWith("active:")).toList();
    }

    /** A name unique to this JVM and call, so concurrent builds on one server never see each other's backends. */
    static String applicationName(String prefix) {
        return (prefix + "-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())).toLowerCase(Locale.ROOT);
    }
}
