package io.queryset.autoconfigure;

import io.queryset.AsyncMode;
import io.queryset.BlockingGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties under {@code queryset.*}.
 */
@ConfigurationProperties("queryset")
public class QuerySetProperties {

    /**
     * Packages scanned for @Model classes. Defaults to the auto-configuration packages (the package
     * of the @SpringBootApplication class).
     */
    private List<String> packages = new ArrayList<>();

    /**
     * Number of rows fetched per round trip when streaming results (stream() and aiterator()).
     */
    private int defaultChunkSize = 2000;

    /**
     * Timeout applied to every statement. None by default.
     */
    private @Nullable Duration queryTimeout;

    /**
     * Whether an unqualified @Transactional picks the transaction manager by the method's return type: the R2DBC
     * manager for Mono, Flux and other reactive types, the JDBC manager otherwise.
     */
    private boolean transactionRouting = true;

    private final Async async = new Async();

    private final Bridge bridge = new Bridge();

    private final Schema schema = new Schema();

    private final Sql sql = new Sql();

    /**
     * Databases beside the default one, by alias, for QuerySet.using("alias") and the read-replica router.
     */
    private final Map<String, NamedDatabase> databases = new LinkedHashMap<>();

    /**
     * Alias of a named database that reads outside transactions go to (a read replica). Writes, reads inside a
     * transaction and selectForUpdate stay on the default database. None by default.
     */
    private @Nullable String readReplica;

    public List<String> getPackages() {
        return packages;
    }

    public void setPackages(List<String> packages) {
        this.packages = packages;
    }

    public int getDefaultChunkSize() {
        return defaultChunkSize;
    }

    public void setDefaultChunkSize(int defaultChunkSize) {
        this.defaultChunkSize = defaultChunkSize;
    }

    public @Nullable Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(@Nullable Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public boolean isTransactionRouting() {
        return transactionRouting;
    }

    public void setTransactionRouting(boolean transactionRouting) {
        this.transactionRouting = transactionRouting;
    }

    public Async getAsync() {
        return async;
    }

    public Bridge getBridge() {
        return bridge;
    }

    public Sql getSql() {
        return sql;
    }

    public Map<String, NamedDatabase> getDatabases() {
        return databases;
    }

    public @Nullable String getReadReplica() {
        return readReplica;
    }

    public void setReadReplica(@Nullable String readReplica) {
        this.readReplica = readReplica;
    }

    public Schema getSchema() {
        return schema;
    }

    /** How the {@code a}-prefixed methods run. */
    public static class Async {

        /**
         * How the async methods run: 'native' on R2DBC, 'bridged' (the blocking method on a bounded
         * scheduler), or 'auto' (native when an R2DBC ConnectionFactory exists, else bridged).
         */
        private AsyncMode mode = AsyncMode.AUTO;

        /**
         * What a blocking QuerySet call on a non-blocking thread (such as a WebFlux event loop) does:
         * 'error' throws SynchronousOnlyOperationException, 'warn' logs, 'off' allows it.
         */
        private BlockingGuard guard = BlockingGuard.ERROR;

        public AsyncMode getMode() {
            return mode;
        }

        public void setMode(AsyncMode mode) {
            this.mode = mode;
        }

        public BlockingGuard getGuard() {
            return guard;
        }

        public void setGuard(BlockingGuard guard) {
            this.guard = guard;
        }
    }

    /** The bounded scheduler that runs blocking work for the async side. */
    public static class Bridge {

        /**
         * Maximum number of threads of the bridge scheduler. Defaults to 10 times the number of
         * available processors.
         */
        private @Nullable Integer maxThreads;

        /**
         * Maximum number of tasks waiting for a bridge thread, in all, once every thread is busy;
         * further tasks are rejected.
         */
        private int queueSize = 100_000;

        /**
         * Whether the bridge runs blocking work on virtual threads instead of platform threads, still
         * capped at max-threads. Needs Java 21 or later.
         */
        private boolean virtualThreads;

        public @Nullable Integer getMaxThreads() {
            return maxThreads;
        }

        public void setMaxThreads(@Nullable Integer maxThreads) {
            this.maxThreads = maxThreads;
        }

        public int getQueueSize() {
            return queueSize;
        }

        public void setQueueSize(int queueSize) {
            this.queueSize = queueSize;
        }

        public boolean isVirtualThreads() {
            return virtualThreads;
        }

        public void setVirtualThreads(boolean virtualThreads) {
            this.virtualThreads = virtualThreads;
        }

        /** The configured thread cap, or 10 times the available processors. */
        int effectiveMaxThreads() {
            return maxThreads != null ? maxThreads : 10 * Runtime.getRuntime().availableProcessors();
        }

        /** Reactor caps the queue per thread; the property is the total. */
        int queuedTasksPerThread() {
            return Math.max(1, queueSize / effectiveMaxThreads());
        }
    }

    /** Schema management at start-up. */
    public static class Schema {

        /**
         * Whether to create the tables of all found models at start-up.
         */
        private boolean create;

        public boolean isCreate() {
            return create;
        }

        public void setCreate(boolean create) {
            this.create = create;
        }
    }

    /** Statement logging on the logger io.queryset.sql. */
    public static class Sql {

        /**
         * Whether to log every statement, with its duration and bound values, at INFO on the logger io.queryset.sql.
         */
        private boolean log;

        /**
         * Whether logged statements show "?" instead of each bound value (keeps secrets and personal data out of logs).
         */
        private boolean maskParameters;

        /**
         * Statements slower than this are logged at WARN on io.queryset.sql, whether or not log is on. None by default.
         */
        private @Nullable Duration slowQueryThreshold;

        public boolean isLog() {
            return log;
        }

        public void setLog(boolean log) {
            this.log = log;
        }

        public boolean isMaskParameters() {
            return maskParameters;
        }

        public void setMaskParameters(boolean maskParameters) {
            this.maskParameters = maskParameters;
        }

        public @Nullable Duration getSlowQueryThreshold() {
            return slowQueryThreshold;
        }

        public void setSlowQueryThreshold(@Nullable Duration slowQueryThreshold) {
            this.slowQueryThreshold = slowQueryThreshold;
        }
    }

    /** A database beside the default one: its JDBC side, its R2DBC side, or both. */
    public static class NamedDatabase {

        /**
         * JDBC URL of the database (its blocking side, and its async side when bridged).
         */
        private @Nullable String url;

        /**
         * R2DBC URL of the database (its native async side).
         */
        private @Nullable String r2dbcUrl;

        /**
         * Login user of the database, for both URLs.
         */
        private @Nullable String username;

        /**
         * Login password of the database, for both URLs.
         */
        private @Nullable String password;

        /**
         * Maximum number of pooled connections, for each side.
         */
        private int maxPoolSize = 10;

        public @Nullable String getUrl() {
            return url;
        }

        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        public @Nullable String getR2dbcUrl() {
            return r2dbcUrl;
        }

        public void setR2dbcUrl(@Nullable String r2dbcUrl) {
            this.r2dbcUrl = r2dbcUrl;
        }

        public @Nullable String getUsername() {
            return username;
        }

        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        public @Nullable String getPassword() {
            return password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        public int getMaxPoolSize() {
            return maxPoolSize;
        }

        public void setMaxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
        }
    }
}
