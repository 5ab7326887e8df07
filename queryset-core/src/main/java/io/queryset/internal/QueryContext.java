package io.queryset.internal;

import io.micrometer.observation.ObservationRegistry;
import io.queryset.BlockingGuard;
import io.queryset.DatabaseRouter;
import io.queryset.SynchronousOnlyOperationException;
import io.queryset.internal.exec.AsyncRunner;
import io.queryset.internal.exec.BlockingRunner;
import io.queryset.internal.exec.ReactiveTransactions;
import io.queryset.internal.exec.Step;
import io.queryset.internal.mapping.ModelRegistry;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.sql.Dialect;
import io.queryset.internal.sql.SqlCompiler;
import io.queryset.internal.sql.WriteStatements;
import io.queryset.observation.QuerySetObservationConvention;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What every QuerySet of one {@code Database} shares: metadata, the dialect's compiler, and the runners of each
 * named database. The only place where a terminal method chooses its database (explicit {@code using()}, else the
 * routers, else the default) and its side, and where it is observed.
 */
public final class QueryContext {

    private static final Log log = LogFactory.getLog(QueryContext.class);

    private final ModelRegistry models;
    private final SqlCompiler compiler;
    private final WriteStatements writes;
    private final Side primary;
    private final Map<String, Side> sides;
    private final List<DatabaseRouter> routers;
    private final QueryObserver observer;
    private final BlockingGuard guard;
    private final int defaultChunkSize;

    /** A context on one database, unobserved: for tests of the compiler. */
    public QueryContext(ModelRegistry models, Dialect dialect, WriteStatements writes, @Nullable BlockingRunner blocking,
                        @Nullable AsyncRunner async, BlockingGuard guard, int defaultChunkSize) {
        this(models, dialect, writes, new Side(Side.DEFAULT, blocking, async, "native", "spring.datasource.url"),
                Map.of(), List.of(), ObservationRegistry.NOOP, null, guard, defaultChunkSize);
    }

    /**
     * @param primary the default database
     * @param named the databases {@code using()} and routers may name, by alias
     */
    public QueryContext(ModelRegistry models, Dialect dialect, WriteStatements writes, Side primary,
                        Map<String, Side> named, List<DatabaseRouter> routers, ObservationRegistry observations,
                        @Nullable QuerySetObservationConvention convention, BlockingGuard guard, int defaultChunkSize) {
        this.models = models;
        this.compiler = new SqlCompiler(dialect);
        this.writes = writes;
        this.primary = primary;
        Map<String, Side> all = new LinkedHashMap<>();
        all.put(Side.DEFAULT, primary);
        all.putAll(named);
        this.sides = Map.copyOf(all);
        this.routers = List.copyOf(routers);
        this.observer = new QueryObserver(observations, convention, dialect.name());
        this.guard = guard;
        this.defaultChunkSize = defaultChunkSize;
    }

    public ModelRegistry models() {
        return models;
    }

    public SqlCompiler compiler() {
        return compiler;
    }

    public Dialect dialect() {
        return compiler.dialect();
    }

    public WriteStatements writes() {
        return writes;
    }

    public int defaultChunkSize() {
        return defaultChunkSize;
    }

    /**
     * {@code alias} itself, checked to name a configured database.
     *
     * @throws IllegalArgumentException naming the configured databases otherwise
     */
    public String checkAlias(String alias) {
        if (!sides.containsKey(alias)) {
            throw new IllegalArgumentException("The database '" + alias + "' doesn't exist. Configured databases: "
                    + new TreeSet<>(sides.keySet()) + ".");
        }
        return alias;
    }

    // ---------------------------------------------------------------- running terminal methods

    /** Runs {@code op}'s step on the blocking side of the database it routes to, after the thread guard, observed. */
    public <T> T blocking(Operation op, QuerySpec spec, Step<T> step) {
        checkThread();
        Side side = route(op, spec, blockingInTransaction(spec));
        BlockingRunner runner = side.blockingRunner();
        return observer.observe(op, spec.model().type(), side, () -> runner.run(step));
    }

    /** Opens a blocking stream on the database {@code op} routes to, observed until it is closed. */
    public <R> Stream<R> stream(Operation op, QuerySpec spec, Function<BlockingRunner, Stream<R>> open) {
        checkThread();
        Side side = route(op, spec, blockingInTransaction(spec));
        BlockingRunner runner = side.blockingRunner();
        return observer.observeStream(op, spec.model().type(), side, () -> open.apply(runner));
    }

    /** Runs the step built by {@code step} on the async side when subscribed; build errors become error signals. */
    public <T> Mono<T> async(Operation op, QuerySpec spec, Supplier<Step<T>> step) {
        if (routersDecide(spec)) {
            return asyncInTransaction().flatMap(inTransaction -> runAsync(op, spec, route(op, spec, inTransaction), step));
        }
        return Mono.defer(() -> runAsync(op, spec, route(op, spec, false), step));
    }

    private <T> Mono<T> runAsync(Operation op, QuerySpec spec, Side side, Supplier<Step<T>> step) {
        return observer.observe(op, spec.model().type(), side, Mono.defer(() -> side.async().run(step.get())));
    }

    /** A Flux opened on the async side of the database {@code op} routes to, when subscribed; observed. */
    public <R> Flux<R> asyncFlux(Operation op, QuerySpec spec, Function<AsyncRunner, Flux<R>> open) {
        if (routersDecide(spec)) {
            return asyncInTransaction().flatMapMany(inTransaction -> openAsync(op, spec, route(op, spec, inTransaction), open));
        }
        return Flux.defer(() -> openAsync(op, spec, route(op, spec, false), open));
    }

    private <R> Flux<R> openAsync(Operation op, QuerySpec spec, Side side, Function<AsyncRunner, Flux<R>> open) {
        return observer.observe(op, spec.model().type(), side, Flux.defer(() -> open.apply(side.async())));
    }

    /** The default database's blocking runner, after the guard; throws when no DataSource is configured. */
    public BlockingRunner blockingRunner() {
        checkThread();
        return primary.blockingRunner();
    }

    /** The default database's async runner. */
    public AsyncRunner asyncRunner() {
        return primary.async();
    }

    // ---------------------------------------------------------------- routing

    private Side route(Operation op, QuerySpec spec, boolean inTransaction) {
        String alias = spec.options().database();
        if (alias != null) {
            return sides.get(alias);
        }
        Class<?> model = spec.model().type();
        boolean write = op.isWrite() || spec.options().lock() != null;
        for (DatabaseRouter router : routers) {
            String routed = write ? router.dbForWrite(model) : router.dbForRead(model, inTransaction);
            if (routed != null) {
                Side side = sides.get(routed);
                if (side == null) {
                    throw new IllegalStateException(router + " routed " + model.getSimpleName() + " to the database '"
                            + routed + "', which doesn't exist. Configured databases: " + new TreeSet<>(sides.keySet()) + ".");
                }
                return side;
            }
        }
        return primary;
    }

    /** Whether the caller's thread is in a transaction, asked only when routers decide. */
    private boolean blockingInTransaction(QuerySpec spec) {
        return routersDecide(spec)
                && org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** Whether the routers choose the database (none is named with {@code using()}): only then does a transaction matter. */
    private boolean routersDecide(QuerySpec spec) {
        return !routers.isEmpty() && spec.options().database() == null;
    }

    /** Whether the subscriber runs inside a reactive transaction (R2DBC, or a bridged one). */
    private static Mono<Boolean> asyncInTransaction() {
        return ReactiveTransactions.ask(TransactionSynchronizationManager::isActualTransactionActive);
    }

    private void checkThread() {
        if (guard == BlockingGuard.OFF || !Schedulers.isInNonBlockingThread()) {
            return;
        }
        String message = "You cannot call a blocking QuerySet method from a non-blocking thread ("
                + Thread.currentThread().getName() + ") - use its a-prefixed twin or AsyncBridge.syncToAsync.";
        if (guard == BlockingGuard.ERROR) {
            throw new SynchronousOnlyOperationException(message);
        }
        log.warn(message);
    }
}
