package io.queryset.testing;

import io.queryset.AsyncMode;
import io.queryset.DeleteResult;
import io.queryset.expr.Aggregate;
import io.queryset.expr.Expression;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.QuerySet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import io.r2dbc.spi.ConnectionFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One database × mode combination of a {@link DatabaseMatrix} test: the database under test, a blocking
 * database to arrange and check rows, and helpers that call the side of a twin under test, so one test
 * body covers {@code count()} and {@code acount()} alike:
 *
 * <pre>{@code
 * long n = fx.call(() -> books.count(), () -> books.acount());
 * }</pre>
 *
 * <p>BLOCKING calls the blocking form on the test thread. NATIVE and BRIDGED call the async twin and wait
 * for it on the test thread. The twin is both <em>assembled and subscribed</em> on the scheduler of
 * {@link #asyncScheduler()}:
 * <ul>
 *   <li>NATIVE on PostgreSQL and MariaDB, and BRIDGED on every database: Reactor's parallel scheduler, a
 *       non-blocking thread watched by BlockHound. Any blocking call on the native path fails the test, and a BRIDGED twin
 *       that forgot to hop to its bounded elastic scheduler trips the library's blocking guard.</li>
 *   <li>NATIVE on H2: no scheduler (the test thread). r2dbc-h2 wraps H2's embedded, synchronous engine: it
 *       runs every statement on the subscribing thread, taking H2's internal locks, so under BlockHound it would
 *       flag H2 itself, not this library. Allow-listing H2's internals would be a long and fragile list that
 *       changes with each H2 release; the servers' NATIVE runs carry the non-blocking proof, and H2's NATIVE
 *       runs still prove the R2DBC path gives the right results (the NATIVE database has no DataSource, so
 *       it cannot fall back to JDBC).</li>
 * </ul>
 */
public final class Fixture {

    /** How long a test waits for an async twin before failing. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseKind database;
    private final ExecutionMode mode;
    private final Database db;
    private final Database setup;

    Fixture(DatabaseKind database, ExecutionMode mode, Database db, Database setup) {
        this.database = database;
        this.mode = mode;
        this.db = db;
        this.setup = setup;
    }

    /** The database server of this invocation. */
    public DatabaseKind database() {
        return database;
    }

    /** The side of the twins under test. */
    public ExecutionMode mode() {
        return mode;
    }

    /** Whether this invocation runs on PostgreSQL. */
    public boolean isPostgres() {
        return database == DatabaseKind.POSTGRES;
    }

    /** Whether this invocation runs on MariaDB. */
    public boolean isMariaDb() {
        return database == DatabaseKind.MARIADB;
    }

    /** {@code identifier} quoted as this database quotes names: {@code `name`} on MariaDB, {@code "name"} elsewhere. */
    public String quote(String identifier) {
        return database == DatabaseKind.MARIADB ? '`' + identifier + '`' : '"' + identifier + '"';
    }

    /**
     * Test SQL written with standard {@code "double-quoted"} identifiers (and no double quote anywhere else), quoted
     * as this database needs: for arranging rows by hand.
     */
    public String sql(String standardSql) {
        return database == DatabaseKind.MARIADB ? standardSql.replace('"', '`') : standardSql;
    }

    /** Whether this invocation calls async twins. */
    public boolean isAsync() {
        return mode.isAsync();
    }

    /** The database under test (see {@link DatabaseMatrixExtension} for how each mode's is configured). */
    public Database db() {
        return db;
    }

    /** The manager of {@code model} on the database under test. */
    public <T> Manager<T> manager(Class<T> model) {
        return db.manager(model);
    }

    /**
     * A manager of {@code model} on a blocking JDBC database of the same server: arrange rows and check
     * them independently of the side under test.
     */
    public <T> Manager<T> blocking(Class<T> model) {
        return setup.manager(model);
    }

    /** The pooled DataSource of this server (shared by the JVM: do not close). */
    public DataSource dataSource() {
        return TestDatabases.dataSource(database);
    }

    /** The pooled ConnectionFactory of this server (shared by the JVM: do not close). */
    public ConnectionFactory connectionFactory() {
        return TestDatabases.connectionFactory(database);
    }

    /**
     * A builder configured like the database under test (same pools, same async mode), for a test that needs
     * one more option, e.g. another blocking guard.
     */
    public Database.Builder builder() {
        Database.Builder builder = Database.builder();
        switch (mode) {
            case BLOCKING -> builder.dataSource(dataSource()).connectionFactory(connectionFactory()).asyncMode(AsyncMode.AUTO);
            case NATIVE -> builder.connectionFactory(connectionFactory()).asyncMode(AsyncMode.NATIVE);
            case BRIDGED -> builder.dataSource(dataSource()).asyncMode(AsyncMode.BRIDGED);
        }
        return builder;
    }

    /**
     * The scheduler the async twins are assembled and subscribed on, or null for the test thread
     * (see the class comment).
     */
    public @Nullable Scheduler asyncScheduler() {
        if (mode == ExecutionMode.BLOCKING || (mode == ExecutionMode.NATIVE && database == DatabaseKind.H2)) {
            return null;
        }
        return Schedulers.parallel();
    }

    // ------------------------------------------------------------------ one side of a twin

    /**
     * The blocking form's result in BLOCKING mode, else the async twin's value (null when the Mono completes
     * empty). Exceptions surface as thrown, so {@code assertThatThrownBy(() -> fx.call(...))} checks both sides.
     */
    public <R> @Nullable R call(Supplier<? extends R> blocking, Supplier<? extends Publisher<? extends R>> async) {
        if (mode == ExecutionMode.BLOCKING) {
            return blocking.get();
        }
        return await(Mono.defer(() -> Mono.from(async.get())));
    }

    /** {@link #call} with the target passed in: {@code fx.run(qs, q -> q.count(), q -> q.acount())}. */
    public <Q, R> @Nullable R run(Q target, Function<? super Q, ? extends R> blocking,
                                  Function<? super Q, ? extends Publisher<? extends R>> async) {
        return call(() -> blocking.apply(target), () -> async.apply(target));
    }

    /** For {@code first()/afirst()}-style twins: an {@code Optional} on one side, a possibly empty Mono on the other. */
    public <R> Optional<R> optional(Supplier<Optional<R>> blocking, Supplier<? extends Publisher<? extends R>> async) {
        if (mode == ExecutionMode.BLOCKING) {
            return blocking.get();
        }
        return Optional.ofNullable(await(Mono.defer(() -> Mono.from(async.get()))));
    }

    // Typed shortcuts for the scalar twins: AssertJ's overloaded assertThat cannot infer call()'s result type.

    /** {@code count()} or {@code acount()}. */
    public long count(QuerySet<?> qs) {
        return require(call(qs::count, qs::acount), "acount");
    }

    /** {@code exists()} or {@code aexists()}. */
    public boolean exists(QuerySet<?> qs) {
        return require(call(qs::exists, qs::aexists), "aexists");
    }

    /** {@code contains(obj)} or {@code acontains(obj)}. */
    public <T> boolean contains(QuerySet<T> qs, T obj) {
        return require(call(() -> qs.contains(obj), () -> qs.acontains(obj)), "acontains");
    }

    /** {@code update(values)} or {@code aupdate(values)}. */
    public int update(QuerySet<?> qs, Map<String, ?> values) {
        return require(call(() -> qs.update(values), () -> qs.aupdate(values)), "aupdate");
    }

    /** {@code delete()} or {@code adelete()}. */
    public DeleteResult delete(QuerySet<?> qs) {
        return require(call(qs::delete, qs::adelete), "adelete");
    }

    /** {@code aggregate(aggregates)} or {@code aaggregate(aggregates)}. */
    public Map<String, Object> aggregate(QuerySet<?> qs, Aggregate... aggregates) {
        return require(call(() -> qs.aggregate(aggregates), () -> qs.aaggregate(aggregates)), "aaggregate");
    }

    /** {@code aggregate(named)} or {@code aaggregate(named)}. */
    public Map<String, Object> aggregate(QuerySet<?> qs, Map<String, ? extends Expression> named) {
        return require(call(() -> qs.aggregate(named), () -> qs.aaggregate(named)), "aaggregate");
    }

    private static <R> R require(@Nullable R value, String twin) {
        if (value == null) {
            throw new AssertionError(twin + "() completed empty instead of emitting a value");
        }
        return value;
    }

    /** {@code list()} or {@code alist()}. */
    public <T> List<T> list(QuerySet<T> qs) {
        List<T> out = call(qs::list, qs::alist);
        if (out == null) {
            throw new AssertionError("alist() completed empty instead of emitting a list");
        }
        return out;
    }

    /** {@code stream(chunkSize)} (closed after reading) or {@code aiterator(chunkSize)}, collected. */
    public <T> List<T> stream(QuerySet<T> qs, int chunkSize) {
        if (mode == ExecutionMode.BLOCKING) {
            try (Stream<T> s = qs.stream(chunkSize)) {
                return s.toList();
            }
        }
        return awaitAll(Flux.defer(() -> qs.aiterator(chunkSize)));
    }

    /** {@code stream()} or {@code aiterator()} with the default chunk size, collected. */
    public <T> List<T> stream(QuerySet<T> qs) {
        if (mode == ExecutionMode.BLOCKING) {
            try (Stream<T> s = qs.stream()) {
                return s.toList();
            }
        }
        return awaitAll(Flux.defer(qs::aiterator));
    }

    /** Blocking iteration ({@code for (T t : qs)}) or subscription to the QuerySet as a Publisher, collected. */
    public <T> List<T> iterate(QuerySet<T> qs) {
        if (mode == ExecutionMode.BLOCKING) {
            List<T> out = new ArrayList<>();
            for (T t : qs) {
                out.add(t);
            }
            return out;
        }
        return awaitAll(Flux.defer(() -> qs));
    }

    /** Waits for {@code mono} on the test thread, assembled and subscribed on {@link #asyncScheduler()}. */
    public <R> @Nullable R await(Mono<R> mono) {
        Scheduler scheduler = asyncScheduler();
        return (scheduler == null ? mono : mono.subscribeOn(scheduler)).block(TIMEOUT);
    }

    /** Collects {@code flux} on the test thread, assembled and subscribed on {@link #asyncScheduler()}. */
    public <R> List<R> awaitAll(Flux<R> flux) {
        List<R> out = scheduled(flux).collectList().block(TIMEOUT);
        return out == null ? List.of() : out;
    }

    /**
     * {@code publisher} subscribed on {@link #asyncScheduler()} when it is subscribed to, for a test that drives or
     * cancels the subscription itself.
     */
    public <R> Flux<R> scheduled(Publisher<R> publisher) {
        Scheduler scheduler = asyncScheduler();
        Flux<R> flux = Flux.from(publisher);
        return scheduler == null ? flux : flux.subscribeOn(scheduler);
    }

    @Override
    public String toString() {
        return database + " " + mode;
    }
}
