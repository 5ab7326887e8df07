package io.queryset.internal;

import io.queryset.internal.exec.AsyncRunner;
import io.queryset.internal.exec.BlockingRunner;
import org.jspecify.annotations.Nullable;

/**
 * One named database as the QuerySets see it: its runners, and how its async side runs.
 *
 * @param alias {@code default}, or the name given for {@code using()}
 * @param blocking the JDBC side, or null without a DataSource
 * @param async the async side
 * @param asyncMode {@code native} or {@code bridged}
 * @param missingDataSource what to configure for the blocking side, named in the error when it is missing
 */
public record Side(String alias, @Nullable BlockingRunner blocking, AsyncRunner async, String asyncMode,
                   String missingDataSource) {

    /** The alias of the database configured first. */
    public static final String DEFAULT = "default";

    /** The blocking runner; a clear error without a DataSource. */
    public BlockingRunner blockingRunner() {
        if (blocking == null) {
            throw new IllegalStateException("Blocking QuerySet methods need a JDBC DataSource (" + missingDataSource
                    + "), and none is configured" + (DEFAULT.equals(alias) ? "" : " for the database '" + alias + "'")
                    + ": use the a-prefixed async methods, or configure a DataSource.");
        }
        return blocking;
    }
}
