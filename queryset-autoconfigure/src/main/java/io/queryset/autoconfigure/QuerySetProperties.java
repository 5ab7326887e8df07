package io.queryset.autoconfigure;

import io.queryset.AsyncMode;
import io.queryset.BlockingGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
}
