package io.queryset.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.annotation.Column;
import io.queryset.annotation.Model;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Streams every row of a table of a million books and reports rows per second and heap use (see {@link MemoryWatch}).
 * A standalone program rather than a JMH benchmark: a pass takes seconds, and the heap limit of the JVM it runs in
 * ({@code -Xmx}) is part of what is shown. Run it with the uber-jar on the class path:
 *
 * <pre>{@code
 * java -Xmx128m -cp queryset-benchmarks/target/benchmarks.jar io.queryset.benchmarks.StreamingBenchmark aiterator
 * }</pre>
 *
 * Variants (the first argument):
 * <ul>
 *   <li>{@code aiterator}: {@code books.aiterator(chunk)}, NATIVE on r2dbc-pool, consumed on the event loop;</li>
 *   <li>{@code aiterator-slow}: the same Flux consumed by a slow subscriber on a thread of its own
 *       ({@code publishOn(single, 100)}: requests 100 rows, then 75 at a time) that spins {@code --spin-ns} per row;</li>
 *   <li>{@code aiterator-bridged}: {@code books.aiterator(chunk)} in BRIDGED mode (the JDBC stream on the bridge);</li>
 *   <li>{@code stream}: blocking {@code books.stream(chunk)} on HikariCP;</li>
 *   <li>{@code databaseclient}: the hand-written R2DBC baseline of {@code aiterator}: Spring's {@link DatabaseClient}
 *       sending QuerySet's SQL with the same fetch size and mapping each row to the same model by hand;</li>
 *   <li>{@code list}: blocking {@code books.list()}, every row in one list: the control that a small heap cannot hold;</li>
 *   <li>{@code drop}: drops the table.</li>
 * </ul>
 * Each row is consumed by adding its {@code pages} to a sum; no row is kept. The sum and the row count are checked
 * against {@code SELECT count(*), sum(pages)} after every pass. The table {@code bench_stream_book} is created and
 * filled ({@code INSERT ... SELECT generate_series}) when it does not hold exactly {@code --rows} rows, and left in
 * place for the next run; {@code drop} removes it.
 */
public final class StreamingBenchmark {

    static final String TABLE = "bench_stream_book";
    /** What QuerySet sends for {@code books.aiterator()} (checked at start), for the hand-written baseline. */
    static final String SELECT_ALL = "SELECT \"id\", \"title\", \"pages\", \"price\", \"published\" FROM \"" + TABLE + "\"";

    /** The streamed model: the columns of {@link Book}, in a table of its own. */
    @Model(table = TABLE)
    public static class StreamedBook {
        @Id public Long id;
        public String title;
        public int pages;
        @Column(precision = 8, scale = 2) public BigDecimal price;
        public LocalDate published;

        public StreamedBook() {
        }
    }

    /** Adds up what it is given; rows are dropped as soon as they are counted. */
    static final class Sum {
        long rows;
        long pages;

        void add(StreamedBook b) {
            rows++;
            pages += b.pages;
        }
    }

    private StreamingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException(
                    "usage: StreamingBenchmark aiterator|aiterator-slow|aiterator-bridged|databaseclient|stream|list|drop [--rows N] "
                            + "[--chunk N] [--warmup N] [--passes N] [--spin-ns N]");
        }
        String variant = args[0];
        Map<String, String> o = Machine.options(args, 1, Map.of(
                "rows", "1000000", "chunk", "2000", "warmup", "1", "passes", "3", "spin-ns", "5000"));
        int rows = Integer.parseInt(o.get("rows"));
        int chunk = Integer.parseInt(o.get("chunk"));
        int warmup = Integer.parseInt(o.get("warmup"));
        int passes = Integer.parseInt(o.get("passes"));
        long spinNanos = Long.parseLong(o.get("spin-ns"));

        PostgresSettings settings = PostgresSettings.fromEnvironment();
        System.out.println("# " + settings + "; " + Machine.describe());
        System.out.println("# variant " + variant + ", " + o + ", load average " + Machine.loadAverage());

        HikariDataSource dataSource = settings.dataSource(2);
        ConnectionPool connectionPool = settings.connectionFactory(2);
        Scheduler slowConsumer = Schedulers.newSingle("slow-consumer");
        try {
            AsyncMode mode = variant.equals("aiterator-bridged") ? AsyncMode.BRIDGED : AsyncMode.NATIVE;
            Database db = Database.builder().dataSource(dataSource).connectionFactory(connectionPool).asyncMode(mode).build();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            if (variant.equals("drop")) {
                db.schema().drop(StreamedBook.class);
                System.out.println("# dropped " + TABLE);
                return;
            }
            long[] expected = seed(db, jdbc, rows);
            Manager<StreamedBook> books = db.manager(StreamedBook.class);
            Pass pass = switch (variant) {
                // The same code: the Database's mode makes the difference.
                case "aiterator", "aiterator-bridged" -> sum -> books.aiterator(chunk).doOnNext(sum::add).then().block();
                case "aiterator-slow" -> sum -> books.aiterator(chunk)
                        .publishOn(slowConsumer, 100)
                        .doOnNext(b -> {
                            sum.add(b);
                            spin(spinNanos);
                        })
                        .then().block();
                case "stream" -> sum -> {
                    try (Stream<StreamedBook> s = books.stream(chunk)) {
                        s.forEach(sum::add);
                    }
                };
                case "databaseclient" -> {
                    checkSameSql(dataSource, connectionPool, chunk);
                    DatabaseClient client = DatabaseClient.create(connectionPool);
                    yield sum -> client.sql(SELECT_ALL).filter(s -> s.fetchSize(chunk))
                            .map(StreamingBenchmark::handMapped).all().doOnNext(sum::add).then().block();
                }
                case "list" -> sum -> books.list().forEach(sum::add);
                default -> throw new IllegalArgumentException("Unknown variant " + variant);
            };
            run(variant, pass, expected, warmup, passes);
        } finally {
            slowConsumer.dispose();
            connectionPool.dispose();
            dataSource.close();
        }
    }

    /** One pass over the table. */
    interface Pass {
        void run(Sum sum) throws Exception;
    }

    private static void run(String variant, Pass pass, long[] expected, int warmup, int passes) throws Exception {
        MemoryWatch heap = new MemoryWatch();
        List<Double> rates = new ArrayList<>();
        List<Double> peakGrowth = new ArrayList<>();
        List<Double> liveGrowth = new ArrayList<>();
        for (int i = 0; i < warmup + passes; i++) {
            boolean measured = i >= warmup;
            long baseline = heap.settle();
            if (i == 0) {
                System.out.println("# before the first pass: " + heap.offHeapNow());
            }
            String loadBefore = Machine.loadAverage();
            long cpu0 = Machine.processCpuNanos();
            Machine.CpuSnapshot machine0 = Machine.CpuSnapshot.take();
            long allocated0 = Machine.allocatedBytes();
            heap.start();
            long t0 = System.nanoTime();
            Sum sum = new Sum();
            pass.run(sum);
            long elapsed = System.nanoTime() - t0;
            long cpu = Machine.processCpuNanos() - cpu0;
            String shares = Machine.CpuSnapshot.take().sharesSince(machine0);
            long allocated = Machine.allocatedBytes() - allocated0;
            MemoryWatch.Result r = heap.stop();
            if (sum.rows != expected[0] || sum.pages != expected[1]) {
                throw new IllegalStateException("Read " + sum.rows + " rows with pages summing to " + sum.pages
                        + ", expected " + expected[0] + " and " + expected[1]);
            }
            double rate = sum.rows / (elapsed / 1e9);
            double peak = Machine.mb(r.peak() - baseline);
            double live = Machine.mb(Math.max(0, r.maxLiveAfterGc() - baseline));
            System.out.printf("%s %s pass %d: %,d rows in %.2f s = %,.0f rows/s; JVM CPU %.2f s; allocated %,.0f B/row; heap before %.1f MB, "
                            + "peak %.1f MB (+%.1f), max after GC %.1f MB (+%.1f), %d collections; max direct %.1f MB (Netty) / "
                            + "%.1f MB (JVM), max RSS %.1f MB; %s; load %s -> %s%n",
                    variant, measured ? "measured" : "warm-up", i + 1, sum.rows, elapsed / 1e9, rate, cpu / 1e9, (double) allocated / sum.rows,
                    Machine.mb(baseline), Machine.mb(r.peak()), peak, Machine.mb(r.maxLiveAfterGc()), live,
                    r.collections(), Machine.mb(r.maxNettyDirect()), Machine.mb(r.maxJvmDirect()), Machine.mb(r.maxRss()), shares,
                    loadBefore, Machine.loadAverage());
            if (measured) {
                rates.add(rate);
                peakGrowth.add(peak);
                liveGrowth.add(live);
            }
        }
        if (!rates.isEmpty()) {
            System.out.printf("%s summary over %d passes (median [min, max]): %s rows/s; peak growth %s MB; "
                            + "after-GC growth %s MB%n",
                    variant, rates.size(), summary(rates, "%,.0f"), summary(peakGrowth, "%.1f"), summary(liveGrowth, "%.1f"));
        }
    }

    /** Creates and fills the table unless it already holds {@code rows} rows; returns its row count and page sum. */
    private static long[] seed(Database db, JdbcClient jdbc, int rows) {
        boolean exists = jdbc.sql("SELECT to_regclass('" + TABLE + "') IS NOT NULL").query(Boolean.class).single();
        long count = exists ? jdbc.sql("SELECT count(*) FROM " + TABLE).query(Long.class).single() : -1;
        if (count != rows) {
            long t0 = System.nanoTime();
            db.schema().drop(StreamedBook.class);
            db.schema().create(StreamedBook.class);
            // Server-side, so the benchmark JVM never holds the rows; the same value pattern as ReadBenchmarks.
            jdbc.sql("INSERT INTO " + TABLE + " (title, pages, price, published) "
                    + "SELECT 'Book #' || i, 50 + (i * 37) % 1000, (500 + i % 5000) / 100.0, DATE '2000-01-01' + i % 9000 "
                    + "FROM generate_series(0, ?) AS i").param(rows - 1).update();
            // Sets hint bits and the visibility map now, so the first measured scan does not write the table.
            jdbc.sql("VACUUM ANALYZE " + TABLE).update();
            System.out.printf("# seeded %,d rows into %s in %.1f s%n", rows, TABLE, (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.printf("# %s already holds %,d rows%n", TABLE, rows);
        }
        return jdbc.sql("SELECT count(*), sum(pages) FROM " + TABLE)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** QuerySet's {@code aiterator}, run over a recording proxy of the same pool, must send {@link #SELECT_ALL}. */
    private static void checkSameSql(HikariDataSource dataSource, ConnectionPool connectionPool, int chunk) {
        SqlCapture capture = new SqlCapture();
        Database recorded = Database.builder().dataSource(dataSource).connectionFactory(capture.r2dbc(connectionPool))
                .asyncMode(AsyncMode.NATIVE).build();
        recorded.manager(StreamedBook.class).aiterator(chunk).take(1).blockLast();
        List<String> sent = capture.drain();
        if (!sent.equals(List.of(SELECT_ALL))) {
            throw new IllegalStateException("QuerySet's aiterator sent " + sent + ", the hand-written baseline sends "
                    + SELECT_ALL);
        }
    }

    /** The hand-written R2DBC mapper, as in {@link ReadBenchmarks#r2dbcBook}. */
    static StreamedBook handMapped(Readable row) {
        StreamedBook b = new StreamedBook();
        b.id = row.get(0, Long.class);
        b.title = row.get(1, String.class);
        b.pages = row.get(2, Integer.class);
        b.price = row.get(3, BigDecimal.class);
        b.published = row.get(4, LocalDate.class);
        return b;
    }

    /** Busy-waits: a CPU-bound cost per row that sleeping could not give at microsecond scale. */
    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    static String summary(List<Double> values, String format) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format(format, median) + " [" + String.format(format, sorted.get(0)) + ", "
                + String.format(format, sorted.get(n - 1)) + "]";
    }
}
