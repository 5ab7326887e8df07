package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.queryset.Manager;
import io.queryset.it.models.CnlItem;
import io.queryset.it.models.CnlSlow;
import io.queryset.testing.DatabaseKind;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * Streams read the table as they are consumed (issue #4, "streaming with bounded memory"): {@code take(n)} and
 * {@code limit(n)} stop the reading, a slow subscriber has rows mapped only as it asks for them, and on PostgreSQL
 * the server produces rows a chunk at a time. Rows mapped are counted by {@link CnlItem}'s constructor; rows the
 * server produced, by a sequence that a view draws from for every row.
 */
@TestModels(CnlItem.class)
class StreamingTest {

    private static final int ROWS = 100_000;
    private static final int CHUNK = 100;
    /**
     * How many rows a NATIVE stream maps ahead of its subscriber: the inner prefetch of the flatMap that turns the
     * driver's result into rows (Reactor's {@code Queues.XS_BUFFER_SIZE}), whatever the chunk size.
     */
    private static final int NATIVE_MAPPED_AHEAD = 32;
    /** Messages r2dbc-postgresql buffers for a conversation before it stops reading the socket. */
    private static final int DRIVER_BUFFER = 256;

    @DatabaseMatrix
    void takingTenRowsOfALargeTableMapsTenRowsAndGivesTheConnectionBack(Fixture fx) {
        CnlData.seed(fx, ROWS);
        Manager<CnlItem> items = fx.manager(CnlItem.class);
        CnlItem.resetInstances();

        List<CnlItem> first;
        if (fx.mode() == ExecutionMode.BLOCKING) {
            try (Stream<CnlItem> stream = items.orderBy("n").stream(CHUNK)) {
                first = stream.limit(10).toList();
            }
        } else {
            first = fx.awaitAll(items.orderBy("n").aiterator(CHUNK).take(10));
        }

        assertThat(first).extracting(CnlItem::n).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        awaitConnectionsBack(fx);
        // Measured: 10 on every side; NATIVE's structural bound is the flatMap's prefetch.
        assertThat(CnlItem.instances()).as("rows mapped")
                .isLessThanOrEqualTo(fx.mode() == ExecutionMode.NATIVE ? NATIVE_MAPPED_AHEAD : 10);
    }

    @DatabaseMatrix(modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void aSlowSubscriberHasRowsMappedOnlyAsItAsksForThem(Fixture fx) {
        CnlData.seed(fx, ROWS);
        CnlItem.resetInstances();
        int ahead = fx.mode() == ExecutionMode.NATIVE ? NATIVE_MAPPED_AHEAD : 0;

        OneByOne<CnlItem> slow = OneByOne.subscribe(fx, fx.manager(CnlItem.class).orderBy("n").aiterator(50));
        for (int requested = 1; requested <= 300; requested++) {
            slow.next();
            assertThat(CnlItem.instances() - requested).as("rows mapped ahead of the subscriber after %d", requested)
                    .isLessThanOrEqualTo(ahead);
        }
        slow.dispose();
        awaitConnectionsBack(fx);

        assertThat(CnlItem.instances()).as("rows mapped in all").isBetween(300L, 300L + ahead);
    }

    /**
     * Blocking {@code stream(n)}, and BRIDGED, read through a JDBC fetch size, which PostgreSQL honours with a portal
     * (a server-side cursor): the server has produced exactly the chunks read, also while the stream is open. NATIVE
     * reads through a portal too; r2dbc-postgresql asks for the next chunk as soon as one arrives and, on a cancel,
     * closes the portal after the chunk in flight.
     */
    @DatabaseMatrix(databases = DatabaseKind.POSTGRES)
    void takingSomeRowsMakesPostgresProduceOnlyTheChunksRead(Fixture fx) {
        withCountingView(fx, produced -> {
            Manager<CnlSlow> rows = fx.manager(CnlSlow.class);

            List<CnlSlow> first;
            if (fx.mode() == ExecutionMode.BLOCKING) {
                try (Stream<CnlSlow> stream = rows.stream(CHUNK)) {
                    first = stream.limit(150).toList();
                    assertThat(produced.getAsLong()).as("rows produced, the stream still open").isEqualTo(2 * CHUNK);
                }
            } else {
                first = fx.awaitAll(rows.aiterator(CHUNK).take(150));
            }

            assertThat(first).hasSize(150);
            awaitConnectionsBack(fx);
            if (fx.mode() == ExecutionMode.NATIVE) {
                assertThat(produced.getAsLong()).as("rows produced").isBetween(2L * CHUNK, 3L * CHUNK);
            } else {
                assertThat(produced.getAsLong()).as("rows produced").isEqualTo(2 * CHUNK);
            }
        });
    }

    /**
     * With a slow subscriber the server stays a few chunks ahead: BRIDGED exactly the chunks read (JDBC fetches the
     * next chunk when the cursor reaches it), NATIVE what r2dbc-postgresql buffers before it stops reading the
     * socket, plus the chunk in flight (measured: 600 rows produced for 300 read).
     */
    @DatabaseMatrix(databases = DatabaseKind.POSTGRES, modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void aSlowSubscriberKeepsPostgresOnlyAFewChunksAhead(Fixture fx) {
        withCountingView(fx, produced -> {
            OneByOne<CnlSlow> slow = OneByOne.subscribe(fx, fx.manager(CnlSlow.class).aiterator(CHUNK));
            for (int requested = 1; requested <= 300; requested++) {
                slow.next();
            }
            slow.dispose();
            awaitConnectionsBack(fx);

            if (fx.mode() == ExecutionMode.NATIVE) {
                assertThat(produced.getAsLong()).as("rows produced")
                        .isLessThanOrEqualTo(300 + NATIVE_MAPPED_AHEAD + DRIVER_BUFFER + 2 * CHUNK);
            } else {
                assertThat(produced.getAsLong()).as("rows produced").isEqualTo(300);
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    /** A subscriber the test thread drives one row at a time. */
    private static final class OneByOne<T> extends BaseSubscriber<T> {

        private final AtomicInteger received = new AtomicInteger();

        static <T> OneByOne<T> subscribe(Fixture fx, Flux<T> rows) {
            OneByOne<T> subscriber = new OneByOne<>();
            fx.scheduled(rows).subscribe(subscriber);
            return subscriber;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // Nothing yet: next() asks for each row.
        }

        @Override
        protected void hookOnNext(T value) {
            received.incrementAndGet();
        }

        /** Requests one more row and waits until it has arrived. */
        void next() {
            int expected = received.get() + 1;
            request(1);
            await().atMost(TestPools.SETTLE).pollInterval(Duration.ofMillis(1)).until(() -> received.get() == expected);
        }
    }

    private interface CountingViewTest {
        void run(LongSupplier produced);
    }

    /**
     * Seeds the items and runs {@code test} with the view {@code it_cnl_slow} over them, each row of which draws
     * from a sequence: {@code produced} is how many rows the server has produced.
     */
    private static void withCountingView(Fixture fx, CountingViewTest test) {
        CnlData.seed(fx, ROWS);
        CnlData.execute(fx, "DROP VIEW IF EXISTS \"it_cnl_slow\"");
        CnlData.execute(fx, "DROP SEQUENCE IF EXISTS \"it_cnl_progress\"");
        CnlData.execute(fx, "CREATE SEQUENCE \"it_cnl_progress\"");
        CnlData.execute(fx, "CREATE VIEW \"it_cnl_slow\" AS SELECT nextval('it_cnl_progress') AS \"id\", \"label\" "
                + "FROM \"it_cnl_item\"");
        try {
            test.run(() -> CnlData.progress(fx));
        } finally {
            CnlData.execute(fx, "DROP VIEW IF EXISTS \"it_cnl_slow\"");
            CnlData.execute(fx, "DROP SEQUENCE IF EXISTS \"it_cnl_progress\"");
        }
    }


    /** The harness's pool of the fixture's side has nothing out (the stream gave its connection back). */
    private static void awaitConnectionsBack(Fixture fx) {
        if (fx.mode() == ExecutionMode.NATIVE) {
            ConnectionPool pool = (ConnectionPool) fx.connectionFactory();
            await().atMost(TestPools.SETTLE).pollInterval(Duration.ofMillis(5)).until(() -> TestPools.settled(pool));
        } else {
            HikariDataSource pool = (HikariDataSource) fx.dataSource();
            await().atMost(TestPools.SETTLE).pollInterval(Duration.ofMillis(5))
                    .until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0);
        }
    }
}
