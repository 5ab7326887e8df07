package io.queryset.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.queryset.AsyncBridge;
import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@value #DEFAULT_CALLERS} concurrent callers against one table of {@value #ROWS} books, NATIVE (R2DBC) against
 * BRIDGED (the JDBC method on {@link AsyncBridge}'s bounded elastic scheduler, Django's async model), with the same
 * number of connections on both sides. A standalone program, one mode per JVM:
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp queryset-benchmarks/target/benchmarks.jar io.queryset.benchmarks.LoadComparison native
 * }</pre>
 *
 * <p>Each caller loops, until the time is up, over two async reads: {@code books.aget("pk", randomId)} and
 * {@code books.filter("pages__gt", randomPages).orderBy("id").slice(0, 10).alist()}. The callers are one
 * {@code Flux.range(0, callers).flatMap(i -> loop, callers)}: each loop subscribes its next read when the previous one
 * completes, and no caller thread ever waits. The shape is the same in both modes; only the {@link Database} behind
 * {@code books} differs:
 * <ul>
 *   <li>{@code native}: r2dbc-pool of {@code --pool} connections; a read waits in r2dbc-pool's queue for a
 *       connection, then runs on reactor-netty's event loops;</li>
 *   <li>{@code bridged}: HikariCP of {@code --pool} connections; a read is a task on the bridge's scheduler, which
 *       waits in the scheduler's queue for a thread and then, on that thread, in HikariCP for a connection.
 *       {@code --bridge-threads default} is {@link AsyncBridge#createDefault()} (10 threads per CPU), a number is
 *       {@code AsyncBridge.create(n, 100000 / n)}.</li>
 * </ul>
 * The latency of a read runs from its subscription to its result, so it includes waiting for a connection (and, when
 * bridged, for a thread). Results: reads per second, and p50/p99/p99.9/max per kind of read, after a warm-up of the
 * same load. The table {@code bench_book} is created and filled at start and dropped at the end.
 */
public final class LoadComparison {

    static final int ROWS = 10_000;
    static final int DEFAULT_CALLERS = 256;
    static final int PAGE = 10;

    private LoadComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("native") || args[0].equals("bridged"))) {
            throw new IllegalArgumentException("usage: LoadComparison native|bridged [--callers N] [--pool N] "
                    + "[--warmup SECONDS] [--seconds SECONDS] [--bridge-threads default|N]");
        }
        boolean bridged = args[0].equals("bridged");
        Map<String, String> o = Machine.options(args, 1, Map.of("callers", String.valueOf(DEFAULT_CALLERS),
                "pool", "10", "warmup", "15", "seconds", "30", "bridge-threads", "default"));
        int callers = Integer.parseInt(o.get("callers"));
        int pool = Integer.parseInt(o.get("pool"));
        PostgresSettings settings = PostgresSettings.fromEnvironment();
        System.out.println("# " + settings + "; " + Machine.describe());
        System.out.println("# mode " + args[0] + ", " + o + ", load average " + Machine.loadAverage());

        long[] idRange = seed(settings);
        HikariDataSource dataSource = null;
        ConnectionPool connectionPool = null;
        AsyncBridge bridge = null;
        try {
            Database db;
            if (bridged) {
                dataSource = settings.dataSource(pool);
                int threads = o.get("bridge-threads").equals("default")
                        ? 10 * Runtime.getRuntime().availableProcessors() : Integer.parseInt(o.get("bridge-threads"));
                bridge = o.get("bridge-threads").equals("default") ? AsyncBridge.createDefault()
                        : AsyncBridge.create(threads, Math.max(1, 100_000 / threads));
                db = Database.builder().dataSource(dataSource).asyncMode(AsyncMode.BRIDGED).bridge(bridge).build();
                System.out.println("# BRIDGED: HikariCP " + pool + " connections, bridge of " + threads + " threads");
            } else {
                connectionPool = settings.connectionFactory(pool);
                db = Database.builder().connectionFactory(connectionPool).asyncMode(AsyncMode.NATIVE).build();
                System.out.println("# NATIVE: r2dbc-pool " + pool + " connections");
            }
            Manager<Book> books = db.manager(Book.class);
            Load load = new Load(books, idRange[0], idRange[1]);
            check(load);

            Result warm = load.run(callers, Duration.ofSeconds(Long.parseLong(o.get("warmup"))));
            System.out.println("warm-up: " + warm);
            Result measured = load.run(callers, Duration.ofSeconds(Long.parseLong(o.get("seconds"))));
            System.out.println("measured: " + measured);
            System.out.println(measured.table(args[0] + (bridged ? " (" + o.get("bridge-threads") + " threads)" : "")));
        } finally {
            if (connectionPool != null) {
                connectionPool.dispose();
            }
            if (bridge != null) {
                bridge.dispose();
            }
            if (dataSource != null) {
                dataSource.close();
            }
            drop(settings);
        }
    }

    /** The callers and what they measure. */
    static final class Load {
        private final Manager<Book> books;
        private final long minId;
        private final long maxId;

        Load(Manager<Book> books, long minId, long maxId) {
            this.books = books;
            this.minId = minId;
            this.maxId = maxId;
        }

        Mono<Book> get() {
            return books.aget("pk", ThreadLocalRandom.current().nextLong(minId, maxId + 1));
        }

        Mono<List<Book>> list() {
            // pages runs over 50..1049: between about 10% and all of the rows match.
            int pages = 50 + ThreadLocalRandom.current().nextInt(900);
            return books.filter("pages__gt", pages).orderBy("id").slice(0, PAGE).alist();
        }

        Result run(int callers, Duration duration) {
            Histogram gets = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(2), 3);
            Histogram lists = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(2), 3);
            String loadBefore = Machine.loadAverage();
            Machine.CpuSnapshot cpuBefore = Machine.CpuSnapshot.take();
            long jvmCpu0 = Machine.processCpuNanos();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            Flux.range(0, callers)
                    .flatMap(i -> Mono.defer(() -> timed(get(), gets))
                            .then(Mono.defer(() -> timed(list(), lists)))
                            .repeat(() -> System.nanoTime() < deadline)
                            .then(), callers)
                    .then()
                    .block(duration.plusMinutes(2));
            long elapsed = System.nanoTime() - start;
            return new Result(gets, lists, elapsed, Machine.processCpuNanos() - jvmCpu0,
                    Machine.CpuSnapshot.take().sharesSince(cpuBefore), loadBefore, Machine.loadAverage());
        }

        private static <T> Mono<T> timed(Mono<T> read, Histogram into) {
            long t0 = System.nanoTime();
            return read.doOnSuccess(v -> into.recordValue(System.nanoTime() - t0));
        }
    }

    /** One run's figures. */
    record Result(Histogram gets, Histogram lists, long elapsedNanos, long jvmCpuNanos, String cpuShares,
                  String loadBefore, String loadAfter) {

        long reads() {
            return gets.getTotalCount() + lists.getTotalCount();
        }

        double readsPerSecond() {
            return reads() / (elapsedNanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format("%,d reads in %.1f s = %,.0f reads/s; aget p50 %.2f ms p99 %.2f ms p99.9 %.2f ms max %.2f ms; "
                            + "alist p50 %.2f ms p99 %.2f ms p99.9 %.2f ms max %.2f ms; JVM CPU %.0f µs/read; "
                            + "%s; load %s -> %s",
                    reads(), elapsedNanos / 1e9, readsPerSecond(),
                    ms(gets, 50), ms(gets, 99), ms(gets, 99.9), gets.getMaxValue() / 1e6,
                    ms(lists, 50), ms(lists, 99), ms(lists, 99.9), lists.getMaxValue() / 1e6,
                    jvmCpuNanos / 1e3 / reads(), cpuShares, loadBefore, loadAfter);
        }

        /** A Markdown table row: mode, reads/s, aget p50/p99, alist p50/p99, JVM CPU per read, CPU shares, load. */
        String table(String mode) {
            return String.format("| %s | %,.0f | %.2f / %.2f | %.2f / %.2f | %.0f | %s | %s → %s |", mode,
                    readsPerSecond(), ms(gets, 50), ms(gets, 99), ms(lists, 50), ms(lists, 99),
                    jvmCpuNanos / 1e3 / reads(), cpuShares, loadBefore, loadAfter);
        }

        private static double ms(Histogram h, double percentile) {
            return h.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /** Every read must find what the table holds before anything is measured. */
    private static void check(Load load) {
        for (int i = 0; i < 20; i++) {
            Book b = load.get().block(Duration.ofSeconds(10));
            if (b == null || b.id < load.minId || b.id > load.maxId) {
                throw new IllegalStateException("aget returned " + b);
            }
            List<Book> page = load.list().block(Duration.ofSeconds(10));
            if (page == null || page.size() != PAGE) {
                throw new IllegalStateException("alist returned " + page);
            }
        }
    }

    /** Creates {@code bench_book} with {@value #ROWS} rows, through a short-lived pool; returns its key range. */
    private static long[] seed(PostgresSettings settings) {
        try (HikariDataSource ds = settings.dataSource(1)) {
            Database db = Database.builder().dataSource(ds).build();
            db.schema().drop(Book.class);
            db.schema().create(Book.class);
            JdbcClient jdbc = JdbcClient.create(ds);
            jdbc.sql("INSERT INTO bench_book (title, pages, price, published) "
                    + "SELECT 'Book #' || i, 50 + (i * 37) % 1000, (500 + i % 5000) / 100.0, DATE '2000-01-01' + i % 9000 "
                    + "FROM generate_series(0, ?) AS i").param(ROWS - 1).update();
            jdbc.sql("VACUUM ANALYZE bench_book").update();
            return jdbc.sql("SELECT min(id), max(id), count(*) FROM bench_book").query((rs, n) -> {
                if (rs.getLong(3) != ROWS || rs.getLong(2) - rs.getLong(1) + 1 != ROWS) {
                    throw new IllegalStateException("bench_book should hold keys " + rs.getLong(1) + ".." + rs.getLong(2));
                }
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }).single();
        }
    }

    private static void drop(PostgresSettings settings) {
        try (HikariDataSource ds = settings.dataSource(1)) {
            Database.builder().dataSource(ds).build().schema().drop(Book.class);
        }
    }
}
