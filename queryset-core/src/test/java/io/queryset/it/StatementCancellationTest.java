package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.it.models.CnlItem;
import io.queryset.it.models.CnlSlow;
import io.queryset.testing.DatabaseKind;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import io.r2dbc.pool.ConnectionPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * On PostgreSQL a cancelled subscription stops its statement on the server (issue #4). The statements read a
 * view whose rows cost work on the server, counted by a sequence every unit of work draws from: how far the
 * sequence got tells whether the statement ran to its end, without timing anything.
 *
 * <p>Each test has a pool of one connection: the query that follows a cancel runs on the same backend, after
 * whatever the cancelled statement left on it.
 */
@TestModels(CnlItem.class)
class StatementCancellationTest {

    private static final int ROWS = 3000;
    /** Units of work the full statement does: one per pair of items. */
    private static final long PAIRS = (long) ROWS * ROWS;
    private static final int CHUNK = 100;

    /** No row until the server has done all its work: a sort, an aggregate, a filter matching nothing. */
    private static final String NO_ROW_UNTIL_THE_END = "SELECT a.\"id\" * 100000 + b.\"id\" AS \"id\", a.\"label\" AS \"label\" "
            + "FROM \"it_cnl_item\" a CROSS JOIN \"it_cnl_item\" b WHERE nextval('it_cnl_progress') < 0";

    /** Every row costs {@code perRow} units of work: rows trickle in while the server works on. */
    private static String rowsThatCostWork(int perRow) {
        return "SELECT a.\"id\" AS \"id\", a.\"label\" AS \"label\" FROM \"it_cnl_item\" a WHERE (SELECT count(*) FROM "
                + "\"it_cnl_item\" b WHERE b.\"n\" <= " + perRow + " AND b.\"n\" <= a.\"n\" + " + ROWS
                + " AND nextval('it_cnl_progress') > 0) > 0";
    }

    @DatabaseMatrix(databases = DatabaseKind.POSTGRES, modes = ExecutionMode.NATIVE)
    void cancellingAStreamBeforeItsFirstRowStopsItsStatement(Fixture fx) {
        withSlowView(fx, NO_ROW_UNTIL_THE_END, (pool, name) -> {
            Database db = nativeDatabase(pool);

            Disposable stream = subscribe(fx, db.manager(CnlSlow.class).aiterator(CHUNK));
            await().atMost(TestPools.SETTLE).pollInterval(Duration.ofMillis(5)).until(() -> CnlData.progress(fx) > 0);
            stream.dispose();

            assertThat(fx.await(db.manager(CnlItem.class).acount())).isEqualTo(ROWS);
            assertThat(CnlData.progress(fx)).as("work done by the cancelled statement").isLessThan(PAIRS);
            assertSettled(fx, pool, name);
        });
    }

    @DatabaseMatrix(databases = DatabaseKind.POSTGRES, modes = ExecutionMode.NATIVE)
    void cancellingAListWhileItsRowsArriveStopsItsStatement(Fixture fx) {
        withSlowView(fx, rowsThatCostWork(ROWS), (pool, name) -> {
            Database db = nativeDatabase(pool);

            // alist() fetches everything in one go (no portal); without bind parameters it is PostgreSQL's simple
            // query flow. The driver alone would read and drop every remaining row.
            Disposable list = subscribe(fx, db.manager(CnlSlow.class).alist());
            await().atMost(TestPools.SETTLE).pollInterval(Duration.ofMillis(5)).until(() -> CnlData.progress(fx) > 300L * ROWS);
            list.dispose();

            assertThat(fx.await(db.manager(CnlItem.class).acount())).isEqualTo(ROWS);
            assertThat(CnlData.progress(fx)).as("work done by the cancelled statement").isLessThan(PAIRS);
            assertSettled(fx, pool, name);
        });
    }

    @DatabaseMatrix(databases = DatabaseKind.POSTGRES, modes = ExecutionMode.NATIVE)
    void takingSomeRowsOfAStreamClosesItsPortalAfterTheChunkInFlight(Fixture fx) {
        withSlowView(fx, rowsThatCostWork(ROWS), (pool, name) -> {
            Database db = nativeDatabase(pool);

            List<CnlSlow> first = fx.awaitAll(db.manager(CnlSlow.class).aiterator(CHUNK).take(10));

            assertThat(first).hasSize(10);
            assertThat(fx.await(db.manager(CnlItem.class).acount())).isEqualTo(ROWS);
            // r2dbc-postgresql asks for the next chunk as soon as one arrives, and on a cancel closes the portal
            // when the chunk in flight is done: the server computed two chunks, not the table.
            assertThat(CnlData.progress(fx)).as("work done by the cancelled statement").isLessThanOrEqualTo(2L * CHUNK * ROWS);
            assertSettled(fx, pool, name);
        });
    }

    /** An update waiting for a row lock stops waiting when its subscriber cancels: it is not applied later. */
    @DatabaseMatrix(databases = DatabaseKind.POSTGRES, modes = ExecutionMode.NATIVE)
    void cancellingAnUpdateWaitingForALockStopsIt(Fixture fx) throws SQLException {
        CnlData.seed(fx, 10);
        String name = TestPools.applicationName("qs-cnl-update");
        ConnectionPool pool = TestPools.r2dbc(DatabaseKind.POSTGRES, 1, name);
        try (Connection holder = fx.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT 1 FROM \"it_cnl_item\" WHERE \"n\" = 1 FOR UPDATE");
            }
            Manager<CnlItem> items = nativeDatabase(pool).manager(CnlItem.class);

            Disposable update = subscribe(fx, items.filter("n", 1).aupdate(java.util.Map.of("label", "changed")));
            await().atMost(TestPools.SETTLE).pollInterval(Duration.ofMillis(5))
                    .until(() -> TestPools.activeBackends(fx.dataSource(), name).size() == 1);
            update.dispose();

            assertSettled(fx, pool, name);
            holder.rollback();
        } finally {
            TestPools.dispose(pool, fx, name);
        }
        assertThat(fx.blocking(CnlItem.class).get("n", 1).label()).isEqualTo("item 1");
    }

    /**
     * Inside a transaction the library leaves a cancelled statement to the driver's drain: a CancelRequest could
     * land on the transaction's next statement, and a cancelled statement aborts the whole transaction. The
     * transaction's later statements still run on its connection (two in the pool, so running elsewhere would show).
     */
    @DatabaseMatrix(databases = DatabaseKind.POSTGRES, modes = ExecutionMode.NATIVE)
    void aStatementCancelledInsideATransactionLeavesTheTransactionUsable(Fixture fx) {
        withSlowView(fx, rowsThatCostWork(100), 2, (pool, name) -> {
            Database db = nativeDatabase(pool);
            TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
            Manager<CnlItem> items = db.manager(CnlItem.class);
            Mono<Long> serverIsWorking = Mono.fromCallable(() -> {
                await().atMost(TestPools.SETTLE).pollInterval(Duration.ofMillis(5)).until(() -> CnlData.progress(fx) > 0);
                return 0L;
            }).subscribeOn(Schedulers.boundedElastic());

            Mono<Long> work = items.acreate(CnlItem.of(-1))
                    .then(Mono.firstWithSignal(db.manager(CnlSlow.class).alist().thenReturn(-1L), serverIsWorking))
                    .then(items.acount());

            assertThat(fx.await(tx.transactional(work))).as("counted inside the transaction").isEqualTo(ROWS + 1);
            assertThat(CnlData.progress(fx)).as("the statement was drained to its end, not cancelled").isGreaterThanOrEqualTo(100L * ROWS);
            assertThat(fx.blocking(CnlItem.class).filter("n", -1).count()).as("committed").isEqualTo(1);
            assertSettled(fx, pool, name);
        });
    }

    // ------------------------------------------------------------------ helpers

    private interface PoolTest {
        void run(ConnectionPool pool, String applicationName);
    }

    /**
     * Seeds the items, creates the view {@code it_cnl_slow} over {@code select} and the sequence counting its work,
     * runs {@code test} with a pool of one connection (or {@code poolSize}), and drops the view (the harness drops the
     * table after the class). Whatever a failed test left running on the server is ended first.
     */
    private static void withSlowView(Fixture fx, String select, PoolTest test) {
        withSlowView(fx, select, 1, test);
    }

    private static void withSlowView(Fixture fx, String select, int poolSize, PoolTest test) {
        CnlData.seed(fx, ROWS);
        CnlData.execute(fx, "DROP VIEW IF EXISTS \"it_cnl_slow\"");
        CnlData.execute(fx, "DROP SEQUENCE IF EXISTS \"it_cnl_progress\"");
        CnlData.execute(fx, "CREATE SEQUENCE \"it_cnl_progress\"");
        CnlData.execute(fx, "CREATE VIEW \"it_cnl_slow\" AS " + select);
        String name = TestPools.applicationName("qs-cnl-stop");
        ConnectionPool pool = TestPools.r2dbc(DatabaseKind.POSTGRES, poolSize, name);
        try {
            test.run(pool, name);
        } finally {
            TestPools.dispose(pool, fx, name);
            CnlData.execute(fx, "DROP VIEW IF EXISTS \"it_cnl_slow\"");
            CnlData.execute(fx, "DROP SEQUENCE IF EXISTS \"it_cnl_progress\"");
        }
    }

    private static Database nativeDatabase(ConnectionPool pool) {
        return Database.builder().connectionFactory(pool).asyncMode(AsyncMode.NATIVE).build();
    }

    /** Subscribes on the fixture's scheduler (BlockHound-watched on PostgreSQL), requesting everything. */
    private static Disposable subscribe(Fixture fx, org.reactivestreams.Publisher<?> publisher) {
        return fx.scheduled(publisher).subscribe(v -> { }, e -> { });
    }


    /** The pool has its connection back, and the server runs nothing for it. */
    private static void assertSettled(Fixture fx, ConnectionPool pool, String name) {
        await().atMost(TestPools.SETTLE).pollInterval(Duration.ofMillis(5)).until(() -> TestPools.settled(pool));
        assertThat(TestPools.activeBackends(fx.dataSource(), name)).isEmpty();
    }
}
