package io.queryset;

import io.micrometer.observation.ObservationRegistry;
import io.queryset.internal.DefaultManager;
import io.queryset.internal.DefaultSchema;
import io.queryset.internal.QueryContext;
import io.queryset.internal.Side;
import io.queryset.internal.exec.AsyncRunner;
import io.queryset.internal.exec.BlockingRunner;
import io.queryset.internal.exec.BridgedRunner;
import io.queryset.internal.exec.JdbcRunner;
import io.queryset.internal.exec.R2dbcRunner;
import io.queryset.internal.exec.StatementLog;
import io.queryset.internal.exec.Step;
import io.queryset.internal.mapping.ModelRegistry;
import io.queryset.internal.sql.Dialect;
import io.queryset.internal.sql.Dialects;
import io.queryset.internal.sql.WriteStatements;
import io.queryset.observation.QuerySetObservationConvention;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.transaction.ReactiveTransaction;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The library's entry point without Spring: one database reached through a JDBC {@link DataSource}
 * (the blocking side) and/or an R2DBC {@link ConnectionFactory} (the native async side).
 *
 * <pre>{@code
 * Database db = Database.builder().dataSource(dataSource).connectionFactory(connectionFactory).build();
 * db.schema().create(Book.class);
 * Manager<Book> books = db.manager(Book.class);
 * }</pre>
 *
 * Statements join Spring transactions on the same DataSource and ConnectionFactory.
 */
public final class Database {

    private final @Nullable DataSource dataSource;
    private final @Nullable ConnectionFactory connectionFactory;
    private final AsyncMode asyncMode;
    private final AsyncBridge bridge;
    private final QueryContext context;
    private final Schema schema;
    private final @Nullable TransactionTemplate blockingTransactions;
    private final TransactionalOperator asyncTransactions;
    private final ReactiveTransactionManager asyncTransactionManager;
    private final Map<Class<?>, Manager<?>> managers = new ConcurrentHashMap<>();

    private Database(Builder b) {
        if (b.dataSource == null && b.connectionFactory == null) {
            throw new IllegalArgumentException("A Database needs a DataSource, a ConnectionFactory, or both");
        }
        this.dataSource = b.dataSource;
        this.connectionFactory = b.connectionFactory;
        this.asyncMode = resolveMode(b.asyncMode, b.connectionFactory, b.dataSource);
        this.bridge = b.bridge != null ? b.bridge : AsyncBridge.createDefault();
        Dialect dialect = b.dialect != null ? Dialects.byName(b.dialect)
                : b.urlProduct != null ? Dialects.byName(b.urlProduct)
                : b.dataSource != null ? Dialects.detect(b.dataSource) : Dialects.detect(b.connectionFactory);
        ModelRegistry models = new ModelRegistry();
        // Reverse relations (a publisher's "books") exist once the declaring model is known: register up front.
        b.models.forEach(models::get);
        StatementLog statements = new StatementLog(b.logSql, b.maskSqlParameters, b.slowQueryThreshold);
        Side primary = side(Side.DEFAULT, b.dataSource, b.connectionFactory, asyncMode, dialect, statements, b);
        Map<String, Side> named = new LinkedHashMap<>();
        b.databases.forEach((alias, connections) -> named.put(alias, namedSide(alias, connections, dialect, statements, b)));
        WriteStatements writes = Dialects.writeStatements(dialect);
        this.context = new QueryContext(models, dialect, writes, primary, named, b.routers, b.observationRegistry,
                b.observationConvention, b.guard, b.defaultChunkSize);
        this.blockingTransactions = primary.blocking() == null ? null
                : new TransactionTemplate(primary.blocking().transactionManager(), Step.Atomic.DEFINITION);
        this.asyncTransactionManager = primary.async().transactionManager();
        this.asyncTransactions = TransactionalOperator.create(asyncTransactionManager, Step.Atomic.DEFINITION);
        this.schema = new DefaultSchema(models, dialect, b.dataSource, b.connectionFactory);
    }

    private Side side(String alias, @Nullable DataSource ds, @Nullable ConnectionFactory cf, AsyncMode mode, Dialect dialect,
                      StatementLog statements, Builder b) {
        BlockingRunner blocking = ds == null ? null : new JdbcRunner(ds, dialect, b.queryTimeout, statements);
        AsyncRunner async = mode == AsyncMode.NATIVE
                ? new R2dbcRunner(cf, dialect, b.queryTimeout, statements)
                : new BridgedRunner(blocking, ds, bridge);
        String missing = Side.DEFAULT.equals(alias) ? "spring.datasource.url" : "queryset.databases." + alias + ".url";
        return new Side(alias, blocking, async, mode == AsyncMode.NATIVE ? "native" : "bridged", missing);
    }

    /** A database beside the default one: same dialect (queries are compiled once for all), same async mode rule. */
    private Side namedSide(String alias, NamedConnections connections, Dialect dialect, StatementLog statements, Builder b) {
        Dialect own = connections.dataSource() != null ? Dialects.detect(connections.dataSource())
                : Dialects.detect(connections.connectionFactory());
        if (!own.name().equals(dialect.name())) {
            throw new IllegalArgumentException("The database '" + alias + "' is " + own.name() + " but the default database is "
                    + dialect.name() + ": every named database must be of the same kind.");
        }
        AsyncMode mode = resolveMode(b.asyncMode, connections.connectionFactory(), connections.dataSource());
        return side(alias, connections.dataSource(), connections.connectionFactory(), mode, dialect, statements, b);
    }

    private record NamedConnections(@Nullable DataSource dataSource, @Nullable ConnectionFactory connectionFactory) {
    }

    private static AsyncMode resolveMode(AsyncMode requested, @Nullable ConnectionFactory cf, @Nullable DataSource ds) {
        AsyncMode mode = requested == AsyncMode.AUTO ? (cf != null ? AsyncMode.NATIVE : AsyncMode.BRIDGED) : requested;
        if (mode == AsyncMode.NATIVE && cf == null) {
            throw new IllegalArgumentException("AsyncMode.NATIVE needs an R2DBC ConnectionFactory");
        }
        if (mode == AsyncMode.BRIDGED && ds == null) {
            throw new IllegalArgumentException("AsyncMode.BRIDGED needs a JDBC DataSource to bridge");
        }
        return mode;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The manager of {@code model}: its QuerySet of all rows and its instance operations. */
    @SuppressWarnings("unchecked")
    public <T> Manager<T> manager(Class<T> model) {
        return (Manager<T>) managers.computeIfAbsent(model, m -> new DefaultManager<>(context, context.models().get(model)));
    }

    /**
     * Runs {@code work} atomically, like Django's {@code with transaction.atomic():} block, on the blocking
     * (JDBC) side: in a new transaction, or in a savepoint when the caller is already inside one (an
     * enclosing {@code atomic}, {@code @Transactional} or {@code TransactionTemplate} on the same DataSource).
     * An exception thrown by {@code work} rolls back everything it wrote, and only that, then propagates; a
     * normal return commits (or releases the savepoint).
     *
     * <pre>{@code
     * Book book = db.atomic(() -> {
     *     Publisher p = publishers.create(new Publisher(null, "Lemon"));
     *     return books.create(new Book(null, "Sunrise", p.id()));
     * });
     * }</pre>
     *
     * @return what {@code work} returned
     * @throws SynchronousOnlyOperationException on a non-blocking thread (see {@link BlockingGuard}); use {@link #aatomic}
     * @throws IllegalStateException when no DataSource is configured
     */
    public <T> @Nullable T atomic(Supplier<T> work) {
        context.blockingRunner(); // the thread guard, and a clear error without a DataSource
        return Objects.requireNonNull(blockingTransactions).execute(status -> work.get());
    }

    /** {@link #atomic(Supplier)} for work that returns nothing. */
    public void atomic(Runnable work) {
        atomic(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The async twin of {@link #atomic(Supplier)}: subscribes to the publisher {@code work} returns inside a
     * reactive transaction (a savepoint when the subscriber is already inside one, e.g. a {@code @Transactional}
     * method returning {@code Mono}, a {@code TransactionalOperator} or an enclosing {@code aatomic}). Every
     * {@code a}-method called in that pipeline joins it. An error signal <em>or a cancellation</em> rolls
     * back everything written inside; completion commits.
     *
     * <p>In {@link AsyncMode#NATIVE} this is an R2DBC transaction. In {@link AsyncMode#BRIDGED} it is one JDBC
     * connection held for the pipeline and bound to the bridge thread on each hop: real transactions in async
     * code, which Django's own async mode does not offer.
     *
     * <pre>{@code
     * Flux<Book> saved = db.aatomic(tx -> publishers.acreate(lemon)
     *         .flatMapMany(p -> books.abulkCreate(List.of(book(p), otherBook(p))).flatMapIterable(list -> list)));
     * }</pre>
     *
     * @param work builds the transactional pipeline; {@code tx.setRollbackOnly()} rolls back without an error
     */
    public <T> Flux<T> aatomic(Function<ReactiveTransaction, ? extends Publisher<T>> work) {
        return asyncTransactions.execute(work::apply);
    }

    /**
     * The transaction manager of the async side, the one {@link #aatomic} uses: on {@link AsyncMode#NATIVE} an R2DBC
     * manager over the ConnectionFactory; on {@link AsyncMode#BRIDGED} one that holds a JDBC connection of the
     * DataSource for the subscriber's reactive transaction. With Spring, registering it as the
     * {@code ReactiveTransactionManager} makes {@code @Transactional} on a {@code Mono} method a transaction of the
     * bridged a-methods (the starter does so when the application has no R2DBC).
     */
    public ReactiveTransactionManager reactiveTransactionManager() {
        return asyncTransactionManager;
    }

    /**
     * {@link #aatomic(Function)} for a single-valued pipeline: {@code db.aatomic(books.acreate(b).then(...))}.
     * The Mono is subscribed inside the transaction, so nothing in it runs before.
     */
    public <T> Mono<T> aatomic(Mono<T> work) {
        return asyncTransactions.transactional(work);
    }

    /** Table creation and removal. */
    public Schema schema() {
        return schema;
    }

    /** How the {@code a}-methods run (AUTO resolved). */
    public AsyncMode asyncMode() {
        return asyncMode;
    }

    /** The bridge that runs blocking work off the event loop. */
    public AsyncBridge bridge() {
        return bridge;
    }

    /** The name of the database's dialect, e.g. {@code PostgreSQL}. */
    public String dialectName() {
        return context.dialect().name();
    }

    /** The JDBC side, if configured. */
    public @Nullable DataSource dataSource() {
        return dataSource;
    }

    /** The R2DBC side, if configured. */
    public @Nullable ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** Builds a {@link Database}. Not thread-safe; build once and share the result. */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable ConnectionFactory connectionFactory;
        private AsyncMode asyncMode = AsyncMode.AUTO;
        private BlockingGuard guard = BlockingGuard.ERROR;
        private @Nullable AsyncBridge bridge;
        private int defaultChunkSize = 2000;
        private @Nullable Duration queryTimeout;
        private @Nullable String dialect;
        private @Nullable String urlProduct;
        private final java.util.List<Class<?>> models = new java.util.ArrayList<>();
        private final Map<String, NamedConnections> databases = new LinkedHashMap<>();
        private final List<DatabaseRouter> routers = new ArrayList<>();
        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
        private @Nullable QuerySetObservationConvention observationConvention;
        private boolean logSql;
        private boolean maskSqlParameters;
        private @Nullable Duration slowQueryThreshold;

        private Builder() {
        }

        /**
         * Registers models up front. A reverse relation ({@code publishers.filter("books__name", ...)},
         * {@code related(publisher, "books")}, on-delete rules) is known once the model declaring it is
         * registered; {@link Database#manager} and {@link Database#schema()} register models as they meet
         * them, and the Spring Boot starter registers every {@code @Model} at start-up.
         */
        public Builder models(Class<?>... modelClasses) {
            this.models.addAll(java.util.List.of(modelClasses));
            return this;
        }

        /** The JDBC DataSource for blocking methods (and for BRIDGED async). */
        public Builder dataSource(@Nullable DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** The R2DBC ConnectionFactory for NATIVE async methods. */
        public Builder connectionFactory(@Nullable ConnectionFactory connectionFactory) {
            this.connectionFactory = connectionFactory;
            return this;
        }

        /** How the a-methods run; AUTO (the default) picks NATIVE when a ConnectionFactory is set. */
        public Builder asyncMode(AsyncMode mode) {
            this.asyncMode = mode;
            return this;
        }

        /** What a blocking call on a non-blocking thread does; ERROR by default. */
        public Builder blockingGuard(BlockingGuard guard) {
            this.guard = guard;
            return this;
        }

        /** The bridge for BRIDGED mode; a default bounded elastic bridge otherwise. */
        public Builder bridge(AsyncBridge bridge) {
            this.bridge = bridge;
            return this;
        }

        /** Rows per fetch for {@code stream()} and {@code aiterator()}; 2000 by default, as in Django. */
        public Builder defaultChunkSize(int chunkSize) {
            if (chunkSize <= 0) {
                throw new IllegalArgumentException("Chunk size must be strictly positive.");
            }
            this.defaultChunkSize = chunkSize;
            return this;
        }

        /** A timeout applied to every statement; none by default. */
        public Builder queryTimeout(@Nullable Duration timeout) {
            this.queryTimeout = timeout;
            return this;
        }

        /**
         * Forces a dialect ({@code PostgreSQL}, {@code H2}, {@code MariaDB}, {@code MySQL}) instead of detecting it from
         * the connection.
         */
        public Builder dialect(String name) {
            this.dialect = name;
            return this;
        }

        /**
         * Picks the dialect from the URL the DataSource or ConnectionFactory was built from
         * ({@code jdbc:mariadb://...}, {@code r2dbc:pool:postgresql://...}), so no connection is opened to detect it.
         * May be called for both sides' URLs, which must then name the same database. A null URL, or one naming no
         * database this library knows, leaves the choice to {@link #dialect(String)} or to detection.
         *
         * @throws IllegalArgumentException when an earlier URL named another database
         */
        public Builder dialectOfUrl(@Nullable String url) {
            String product = Dialects.productOfUrl(url);
            if (product != null) {
                if (urlProduct != null && !urlProduct.equals(product)) {
                    throw new IllegalArgumentException("The JDBC and R2DBC URLs name different databases (" + urlProduct + " and "
                            + product + "): a Database runs the same SQL on both sides, so they must reach one database.");
                }
                urlProduct = product;
            }
            return this;
        }

        /**
         * A database beside the default one, for {@link QuerySet#using} and {@link DatabaseRouter routers}: a read
         * replica, say. It must be of the same kind as the default (queries are compiled once for all); its async
         * side follows the same {@link AsyncMode} rule.
         *
         * @throws IllegalArgumentException for the alias {@code default}, or without a DataSource and a ConnectionFactory
         */
        public Builder database(String alias, @Nullable DataSource dataSource, @Nullable ConnectionFactory connectionFactory) {
            if (Side.DEFAULT.equals(alias)) {
                throw new IllegalArgumentException("'default' names the database given to dataSource()/connectionFactory().");
            }
            if (dataSource == null && connectionFactory == null) {
                throw new IllegalArgumentException("The database '" + alias + "' needs a DataSource, a ConnectionFactory, or both.");
            }
            this.databases.put(alias, new NamedConnections(dataSource, connectionFactory));
            return this;
        }

        /** Adds a router, asked after those added before it (Django's {@code DATABASE_ROUTERS} order). */
        public Builder router(DatabaseRouter router) {
            this.routers.add(Objects.requireNonNull(router, "router"));
            return this;
        }

        /**
         * Observes every terminal call as a {@code queryset.query} Observation (timers and traces); none by default.
         *
         * @see io.queryset.observation.QuerySetObservationDocumentation
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observationRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Replaces the default names and tags of the observations. */
        public Builder observationConvention(@Nullable QuerySetObservationConvention convention) {
            this.observationConvention = convention;
            return this;
        }

        /** Logs every statement with its duration and bound values at INFO on the logger {@code io.queryset.sql}. */
        public Builder logSql(boolean logSql) {
            this.logSql = logSql;
            return this;
        }

        /** Writes {@code ?} instead of each bound value in logged statements. */
        public Builder maskSqlParameters(boolean mask) {
            this.maskSqlParameters = mask;
            return this;
        }

        /** Logs statements slower than {@code threshold} at WARN on {@code io.queryset.sql}; null (the default) for none. */
        public Builder slowQueryThreshold(@Nullable Duration threshold) {
            if (threshold != null && (threshold.isNegative() || threshold.isZero())) {
                throw new IllegalArgumentException("A slow-query threshold must be positive, not " + threshold + ".");
            }
            this.slowQueryThreshold = threshold;
            return this;
        }

        public Database build() {
            return new Database(this);
        }
    }
}
