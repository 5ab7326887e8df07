package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.QuerySet;
import io.queryset.it.models.Tag;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.queryset.testing.DatabaseKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-query timeouts ({@code QuerySet.timeout} and the Database's default): a statement stuck behind another
 * transaction's row lock is cancelled and fails with Spring's {@code QueryTimeoutException} on both sides.
 */
@TestModels(Tag.class)
class TimeoutTest {

    private static final Duration SHORT = Duration.ofSeconds(1);

    /**
     * r2dbc-h2 runs H2's embedded engine synchronously on the subscribing thread: a statement waiting for a lock
     * holds that thread and H2's session lock, so nothing can cancel it (the pool's release blocks on the same
     * lock). Timeouts on H2 are tested through JDBC (blocking and bridged).
     */
    private static void assumeTheDriverCanBeInterrupted(Fixture fx) {
        Assumptions.assumeFalse(fx.database() == DatabaseKind.H2 && fx.mode() == ExecutionMode.NATIVE,
                "r2dbc-h2 executes synchronously on the subscribing thread: a lock wait cannot be cancelled");
    }

    @DatabaseMatrix
    void aStatementBlockedLongerThanItsTimeoutFailsWithQueryTimeoutException(Fixture fx) throws Exception {
        assumeTheDriverCanBeInterrupted(fx);
        fx.blocking(Tag.class).create(new Tag("java"));
        QuerySet<Tag> locked = fx.manager(Tag.class).filter("name", "java").selectForUpdate().timeout(SHORT);

        try (RowLock lock = RowLock.hold(fx, "java")) {
            assertThatThrownBy(() -> fx.list(locked)).isInstanceOf(QueryTimeoutException.class);
        }
        assertThat(fx.list(locked)).as("the same query once the lock is gone").hasSize(1);
    }

    @DatabaseMatrix
    void theDatabaseDefaultTimeoutAppliesToWritesToo(Fixture fx) throws Exception {
        assumeTheDriverCanBeInterrupted(fx);
        fx.blocking(Tag.class).create(new Tag("java"));
        Database db = fx.builder().queryTimeout(SHORT).build();
        Manager<Tag> tags = db.manager(Tag.class);

        try (RowLock lock = RowLock.hold(fx, "java")) {
            assertThatThrownBy(() -> fx.update(tags.filter("name", "java"), Map.of("name", "kotlin")))
                    .isInstanceOf(QueryTimeoutException.class);
            // JDBC cancels before it throws; R2DBC's cancel request reaches the server just after the error signal.
            lock.awaitNobodyWaiting();
        }
        assertThat(fx.blocking(Tag.class).valuesList(String.class, "name").list()).containsExactly("java");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aTimeoutIsKeptThroughChainingAndRunsFastQueriesNormally(Fixture fx) {
        fx.blocking(Tag.class).bulkCreate(List.of(new Tag("java"), new Tag("kotlin")));
        QuerySet<Tag> timed = fx.manager(Tag.class).all().timeout(SHORT).filter("name__startswith", "k");

        assertThat(fx.list(timed)).extracting(t -> t.name).containsExactly("kotlin");
        assertThat(fx.stream(timed, 1)).hasSize(1);
        assertThat(fx.count(timed)).isEqualTo(1);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aTimeoutDoesNotStayOnThePooledConnectionForItsNextUser(Fixture fx) throws Exception {
        // H2 keeps a statement's timeout on its session: the connection's next user must not inherit it.
        HikariDataSource one = new HikariDataSource();
        one.setDataSource(fx.dataSource());
        one.setMaximumPoolSize(1);
        try (one) {
            Manager<Tag> tags = Database.builder().dataSource(one).build().manager(Tag.class);
            assertThat(tags.all().timeout(SHORT).count()).isZero();
            try (java.sql.Connection con = one.getConnection(); java.sql.Statement next = con.createStatement()) {
                assertThat(next.getQueryTimeout()).isZero();
            }
        }
    }

    @Test
    void aTimeoutMustBePositive() {
        Database db = Database.builder().dataSource(io.queryset.testing.TestDatabases.dataSource(DatabaseKind.H2)).build();
        assertThatThrownBy(() -> db.manager(Tag.class).timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A query timeout must be positive, not PT0S.");
    }

    /** Another transaction holding {@code FOR UPDATE} on a tag row, on its own thread, until closed. */
    private static final class RowLock implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> done;
        private final Fixture fx;
        private volatile int backend;

        private RowLock(Fixture fx, String name, CountDownLatch locked) {
            this.fx = fx;
            Database other = Database.builder().dataSource(fx.dataSource()).build();
            TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(fx.dataSource()));
            JdbcClient sql = JdbcClient.create(fx.dataSource());
            done = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
                other.manager(Tag.class).filter("name", name).selectForUpdate().list();
                if (fx.isPostgres()) {
                    backend = sql.sql("SELECT pg_backend_pid()").query(Integer.class).single();
                }
                locked.countDown();
                await(release);
            }));
        }

        /** On the servers, waits until no statement waits for this lock any more (it was cancelled). */
        void awaitNobodyWaiting() {
            if (fx.isMariaDb()) {
                // The native side's statement carries max_statement_time, so the server stops it too.
                JdbcClient sql = JdbcClient.create(fx.dataSource());
                Awaitility.await().atMost(Fixture.TIMEOUT).until(() -> sql.sql(
                        "SELECT count(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'")
                        .query(Long.class).single() == 0);
            }
            if (fx.isPostgres()) {
                JdbcClient sql = JdbcClient.create(fx.dataSource());
                Awaitility.await().atMost(Fixture.TIMEOUT).until(() -> sql.sql(
                        "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")
                        .param(backend).query(Long.class).single() == 0);
            }
        }

        static RowLock hold(Fixture fx, String name) throws InterruptedException {
            CountDownLatch locked = new CountDownLatch(1);
            RowLock lock = new RowLock(fx, name, locked);
            if (!locked.await(Fixture.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the row lock was never taken", lock.done.handle((v, e) -> e).getNow(null));
            }
            return lock;
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            done.get(Fixture.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(Fixture.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
