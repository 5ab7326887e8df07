package io.queryset.it;

import io.queryset.testing.Fixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rows of {@link io.queryset.it.models.CnlItem} for the cancellation and streaming tests: item {@code n} has
 * {@code n} in 1..count, label {@code "item n"} and, on a freshly emptied table, key {@code n}.
 */
final class CnlData {

    private CnlData() {
    }

    /** Inserts {@code count} items in one INSERT ... SELECT on the server: fast even for 100,000 rows. */
    static void seed(Fixture fx, int count) {
        if (fx.isMariaDb()) {
            // The Sequence engine's virtual seq_1_to_N table.
            execute(fx, "INSERT INTO `it_cnl_item` (`n`, `label`) SELECT seq, CONCAT('item ', seq) FROM seq_1_to_" + count
                    + " ORDER BY seq");
            return;
        }
        String series = fx.isPostgres() ? "generate_series(1, " + count + ") AS s(x)" : "SYSTEM_RANGE(1, " + count + ") AS s";
        execute(fx, "INSERT INTO \"it_cnl_item\" (\"n\", \"label\") SELECT x, 'item ' || x FROM " + series + " ORDER BY x");
    }

    /** Runs {@code sql} on the server through the harness's pool (setup only, not the code under test). */
    static void execute(Fixture fx, String sql) {
        try (Connection c = fx.dataSource().getConnection(); Statement st = c.createStatement()) {
            if (fx.database() == io.queryset.testing.DatabaseKind.H2) {
                // H2 keeps a statement's query timeout on its session, so a pooled connection may still carry the
                // timeout an earlier test's statement set (see TimeoutTest): not for setup statements.
                st.execute("SET QUERY_TIMEOUT 0");
            }
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Units of work the {@code it_cnl_slow} view's statements have done so far (its sequence's last value). */
    static long progress(Fixture fx) {
        try (Connection c = fx.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM \"it_cnl_progress\"")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
