package io.queryset.internal.exec;

import io.r2dbc.spi.R2dbcException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Recognizes the errors after which the database has rolled back the whole transaction. */
final class RolledBackTransactions {

    private RolledBackTransactions() {
    }

    /**
     * Whether {@code error} (or a cause) carries SQLSTATE class 40, "transaction rollback": a deadlock victim
     * (MariaDB 1213, PostgreSQL 40P01) or a serialization failure. A lock wait timeout or NOWAIT is not one.
     */
    static boolean rolledBack(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String state = sqlState(t);
            if (state != null && state.startsWith("40")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static @Nullable String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        if (t instanceof R2dbcException r2dbc) {
            return r2dbc.getSqlState();
        }
        return null;
    }
}
