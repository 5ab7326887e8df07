package io.queryset.internal.sql;

import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Picks the dialect of a database from its connection metadata, its name, or its JDBC/R2DBC URL. */
public final class Dialects {

    private Dialects() {
    }

    /** The dialect named like a database product ({@code PostgreSQL}, {@code H2}, {@code MariaDB}, {@code MySQL}). */
    public static Dialect byName(String product) {
        String p = product.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return new PostgresDialect();
        }
        if (p.contains("h2")) {
            return new H2Dialect();
        }
        // Before "mysql": MariaDB servers may also report a MySQL-compatible product name with "MariaDB" in it.
        if (p.contains("mariadb")) {
            return new MariaDbDialect();
        }
        if (p.contains("mysql")) {
            return new MySqlDialect();
        }
        throw new IllegalArgumentException("Unsupported database '" + product + "': supported are PostgreSQL, H2, MariaDB and MySQL");
    }

    /**
     * The database product a JDBC or R2DBC URL names ({@code jdbc:mariadb://...} → {@code MariaDB},
     * {@code r2dbc:pool:postgresql://...} → {@code PostgreSQL}), or null when the URL names none this library knows.
     * Reads the URL's scheme only: nothing is opened.
     */
    public static @Nullable String productOfUrl(@Nullable String url) {
        if (url == null) {
            return null;
        }
        String[] parts = url.trim().toLowerCase(Locale.ROOT).split(":");
        if (parts.length < 2 || !(parts[0].equals("jdbc") || parts[0].equals("r2dbc") || parts[0].equals("r2dbcs"))) {
            return null;
        }
        // Skip wrappers such as r2dbc:pool:<driver>: and Testcontainers' jdbc:tc:<driver>:.
        for (int i = 1; i < parts.length; i++) {
            String driver = parts[i];
            switch (driver) {
                case "postgresql", "postgres" -> {
                    return "PostgreSQL";
                }
                case "h2" -> {
                    return "H2";
                }
                case "mariadb" -> {
                    return "MariaDB";
                }
                case "mysql" -> {
                    return "MySQL";
                }
                case "pool", "proxy", "tc" -> {
                    // a wrapper: look at the next part
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** The dialect of the database behind a DataSource (opens one connection briefly). */
    public static Dialect detect(DataSource dataSource) {
        try (Connection con = dataSource.getConnection()) {
            return byName(con.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot detect the database of " + dataSource, e);
        }
    }

    /** The dialect of the database behind a ConnectionFactory, from its metadata name (no connection needed). */
    public static Dialect detect(ConnectionFactory connectionFactory) {
        return byName(connectionFactory.getMetadata().getName());
    }

    /** The write statements of a dialect. */
    public static WriteStatements writeStatements(Dialect dialect) {
        if (dialect instanceof H2Dialect) {
            return new H2WriteStatements(dialect);
        }
        if (dialect instanceof MySqlDialect) {
            return new MySqlWriteStatements(dialect);
        }
        if (dialect instanceof MariaDbDialect) {
            return new MariaDbWriteStatements(dialect);
        }
        return new WriteStatements(dialect);
    }
}
