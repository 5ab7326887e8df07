package io.queryset.testing;

import io.queryset.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The tables of one test class on one database: created by the library's own {@code Schema} on first use,
 * emptied (identities restarted) before every later test, dropped when the class is done.
 *
 * <p>Table names are read from {@code schema().ddl(model)}, so the harness needs no knowledge of the
 * naming rules it is testing.
 */
final class SchemaState implements AutoCloseable {

    /** A created table's name, quoted with {@code "} (H2, PostgreSQL) or {@code `} (MariaDB). */
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[\"`]([^\"`]+)[\"`]");

    private final DatabaseKind kind;
    private final Database setup;
    private final List<Class<?>> models;
    private final List<String> tables = new ArrayList<>();
    private boolean created;

    SchemaState(DatabaseKind kind, Database setup, Class<?>[] models) {
        this.kind = kind;
        this.setup = setup;
        this.models = List.of(models);
    }

    /** Creates the tables the first time; empties them every later time. */
    synchronized void prepare() {
        if (!created) {
            for (Class<?> model : models) {
                String ddl = setup.schema().ddl(model);
                Matcher m = CREATE_TABLE.matcher(ddl);
                while (m.find()) {
                    tables.add(m.group(1));
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("No CREATE TABLE found in the DDL of " + models);
            }
            // Left over by a crashed class on a shared server: start clean.
            List<String> reversed = new ArrayList<>(tables);
            Collections.reverse(reversed);
            List<String> drops = new ArrayList<>(reversed.stream().map(t -> "DROP TABLE IF EXISTS " + quote(t)
                    + (kind == DatabaseKind.POSTGRES ? " CASCADE" : "")).toList());
            if (kind == DatabaseKind.MARIADB) {
                // Another class's leftover table may still refer to these; the checks are on again before the pool gets
                // the connection back.
                drops.add(0, "SET FOREIGN_KEY_CHECKS = 0");
                drops.add("SET FOREIGN_KEY_CHECKS = 1");
            }
            execute(drops);
            setup.schema().create(models.toArray(Class<?>[]::new));
            created = true;
            return;
        }
        if (kind == DatabaseKind.POSTGRES) {
            execute(List.of("TRUNCATE TABLE " + String.join(", ", tables.stream().map(this::quote).toList())
                    + " RESTART IDENTITY CASCADE"));
        } else if (kind == DatabaseKind.MARIADB) {
            execute(mariaDbEmptying());
        } else {
            // H2 refuses to truncate a table that a foreign key refers to unless integrity checks are off.
            List<String> statements = new ArrayList<>();
            statements.add("SET REFERENTIAL_INTEGRITY FALSE");
            tables.forEach(t -> statements.add("TRUNCATE TABLE " + quote(t) + " RESTART IDENTITY"));
            statements.add("SET REFERENTIAL_INTEGRITY TRUE");
            execute(statements);
        }
    }

    @Override
    public synchronized void close() {
        if (!created) {
            return;
        }
        List<Class<?>> reversed = new ArrayList<>(models);
        Collections.reverse(reversed);
        try {
            setup.schema().drop(reversed.toArray(Class<?>[]::new));
        } catch (RuntimeException e) {
            // The next class drops leftovers before creating; a failing drop must not hide the test results.
            System.err.println("Could not drop " + tables + " on " + kind + ": " + e);
        }
    }

    private void execute(List<String> statements) {
        DataSource ds = TestDatabases.dataSource(kind);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + statements + " on " + kind + ": " + e.getMessage(), e);
        }
    }

    /**
     * InnoDB refuses to TRUNCATE a table a foreign key refers to, even with no rows; with the checks off, TRUNCATE
     * empties it and restarts its AUTO_INCREMENT. The checks are on again before the pool gets the connection back.
     */
    private List<String> mariaDbEmptying() {
        List<String> statements = new ArrayList<>();
        statements.add("SET FOREIGN_KEY_CHECKS = 0");
        tables.forEach(t -> statements.add("TRUNCATE TABLE " + quote(t)));
        statements.add("SET FOREIGN_KEY_CHECKS = 1");
        return statements;
    }

    private String quote(String table) {
        return kind == DatabaseKind.MARIADB ? '`' + table + '`' : '"' + table + '"';
    }

    @Override
    public String toString() {
        return "SchemaState" + Arrays.asList(kind, tables);
    }
}
