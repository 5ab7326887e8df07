package io.queryset.internal.exec;

import io.queryset.internal.sql.BindValue;
import io.queryset.internal.sql.CompiledSql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs statements on the logger {@code io.queryset.sql}: every statement at INFO when SQL logging is on, and any
 * statement slower than the threshold at WARN. The time of a query is until its last row arrived, of a stream until
 * its first row (what the consumer does with the rows is not the database's time), of a write until its count.
 */
public final class StatementLog {

    /** The logger name, a contract ({@code logging.level.io.queryset.sql}). */
    public static final String LOGGER = "io.queryset.sql";

    /** No logging and no timing. */
    public static final StatementLog OFF = new StatementLog(false, false, null);

    private static final Log log = LogFactory.getLog(LOGGER);

    private final boolean logAll;

    private final boolean maskParameters;

    private final long slowNanos;

    /**
     * @param logAll log every statement at INFO
     * @param maskParameters write {@code ?} for every bound value (secrets and personal data stay out of logs)
     * @param slowThreshold warn about statements slower than this; null for no warnings
     */
    public StatementLog(boolean logAll, boolean maskParameters, @Nullable Duration slowThreshold) {
        this.logAll = logAll;
        this.maskParameters = maskParameters;
        this.slowNanos = slowThreshold == null ? Long.MAX_VALUE : slowThreshold.toNanos();
    }

    /** Whether statements need timing at all; when false, runners skip the clock. */
    public boolean isActive() {
        return (logAll && log.isInfoEnabled()) || (slowNanos != Long.MAX_VALUE && log.isWarnEnabled());
    }

    /** The clock reading to pass to {@link #executed}; 0 when inactive. */
    public long start() {
        return isActive() ? System.nanoTime() : 0L;
    }

    /** Logs a statement started at {@code startNanos} (from {@link #start}) that just ended, or failed with {@code error}. */
    public void executed(CompiledSql sql, long startNanos, @Nullable Throwable error) {
        if (startNanos == 0L) {
            return;
        }
        long elapsed = System.nanoTime() - startNanos;
        boolean slow = elapsed >= slowNanos;
        if (slow && log.isWarnEnabled()) {
            log.warn("Slow statement (" + millis(elapsed) + " ms, threshold " + millis(slowNanos) + " ms): " + describe(sql)
                    + outcome(error));
        } else if (logAll && log.isInfoEnabled()) {
            log.info("[" + millis(elapsed) + " ms] " + describe(sql) + outcome(error));
        }
    }

    private String describe(CompiledSql sql) {
        if (sql.params().isEmpty()) {
            return sql.sql();
        }
        List<String> values = new ArrayList<>(sql.params().size());
        for (BindValue p : sql.params()) {
            values.add(maskParameters ? "?" : render(p.value()));
        }
        return sql.sql() + " " + values;
    }

    private static String render(@Nullable Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        return value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    }

    private static String outcome(@Nullable Throwable error) {
        return error == null ? "" : " failed: " + error.getClass().getSimpleName();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / (double) TimeUnit.MILLISECONDS.toNanos(1));
    }
}
