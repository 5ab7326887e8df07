package io.queryset.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds the test databases and hands out one pooled {@link DataSource} (HikariCP) and one pooled R2DBC
 * {@link ConnectionFactory} (r2dbc-pool) per database, shared by the whole test JVM.
 *
 * <ul>
 *   <li><b>H2</b>: one in-memory database reached by both JDBC ({@code jdbc:h2:mem:NAME;DB_CLOSE_DELAY=-1})
 *       and r2dbc-h2 ({@code r2dbc:h2:mem:///NAME?options=DB_CLOSE_DELAY=-1}), user {@code sa}.</li>
 *   <li><b>PostgreSQL</b>: the JDBC URL in {@code QUERYSET_TEST_POSTGRES_URL} (credentials as {@code user} /
 *       {@code password} URL parameters, or {@code QUERYSET_TEST_POSTGRES_USER} / {@code _PASSWORD}), else
 *       {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres}. Each JVM works in its own
 *       schema ({@code qs_test_<pid>_<random>}, dropped at exit) so concurrent builds on one server do not
 *       see each other's tables.</li>
 *   <li><b>MariaDB</b>: likewise from {@code QUERYSET_TEST_MARIADB_URL} ({@code jdbc:mariadb://host[:port]/db},
 *       {@code QUERYSET_TEST_MARIADB_USER} / {@code _PASSWORD}), else {@code jdbc:mariadb://127.0.0.1:3306/test} as
 *       user {@code root} with no password. Each JVM works in its own database ({@code qs_test_<pid>_<random>},
 *       dropped at exit), or in the configured one when the user may not create databases.</li>
 * </ul>
 *
 * <p>When no URL is set and the local server does not answer, a server is started with Testcontainers if Docker is
 * available. When a server still cannot be reached, {@link #assumeAvailable} skips the case with a loud message,
 * except under {@code CI=true}, where it fails it: a build machine must never silently test less.
 */
public final class TestDatabases {

    /** Environment variable holding the PostgreSQL JDBC URL. */
    public static final String POSTGRES_URL_ENV = "QUERYSET_TEST_POSTGRES_URL";
    /** Default PostgreSQL JDBC URL. */
    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** Environment variable holding the MariaDB JDBC URL. */
    public static final String MARIADB_URL_ENV = "QUERYSET_TEST_MARIADB_URL";
    /** Default MariaDB JDBC URL. */
    public static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";
    /** The images Testcontainers starts when no server is configured or running (the build machines' versions). */
    private static final String POSTGRES_IMAGE = "postgres:15-alpine";
    private static final String MARIADB_IMAGE = "mariadb:10.11";

    private static final String H2_NAME = "queryset_test";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Map<DatabaseKind, Settings> SETTINGS = new EnumMap<>(DatabaseKind.class);
    private static final Map<DatabaseKind, Availability> AVAILABILITY = new EnumMap<>(DatabaseKind.class);
    private static final Map<DatabaseKind, HikariDataSource> DATA_SOURCES = new EnumMap<>(DatabaseKind.class);
    private static final Map<DatabaseKind, ConnectionPool> CONNECTION_FACTORIES = new EnumMap<>(DatabaseKind.class);
    private static boolean shutdownHookAdded;

    private TestDatabases() {
    }

    /** Whether this run is a CI build ({@code CI=true}), where a missing database fails instead of skipping. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the calling test (JUnit assumption) with a loud message when {@code kind} is unreachable,
     * or fails it under {@code CI=true}.
     */
    public static void assumeAvailable(DatabaseKind kind) {
        Availability availability = availability(kind);
        if (availability.available()) {
            return;
        }
        if (isCi()) {
            Assertions.fail("CI=true and " + availability.reason());
        }
        Assumptions.abort(availability.reason());
    }

    /** Whether {@code kind} can be reached, checked once per JVM. */
    public static synchronized Availability availability(DatabaseKind kind) {
        return AVAILABILITY.computeIfAbsent(kind, TestDatabases::probe);
    }

    /** A pooled JDBC DataSource for {@code kind}. Call {@link #assumeAvailable} first. */
    public static synchronized DataSource dataSource(DatabaseKind kind) {
        requireAvailable(kind);
        return DATA_SOURCES.computeIfAbsent(kind, k -> {
            Settings s = settings(k);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(s.jdbcUrl());
            config.setUsername(s.username());
            if (s.password() != null) {
                config.setPassword(s.password());
            }
            config.setPoolName("qs-test-" + k.name().toLowerCase(Locale.ROOT));
            config.setMaximumPoolSize(8);
            config.setConnectionTimeout(Duration.ofSeconds(20).toMillis());
            addShutdownHook();
            return new HikariDataSource(config);
        });
    }

    /**
     * A pooled R2DBC ConnectionFactory for {@code kind}, warmed up on the calling thread so that driver
     * class loading and the first handshake never happen on a thread BlockHound watches.
     */
    public static synchronized ConnectionFactory connectionFactory(DatabaseKind kind) {
        requireAvailable(kind);
        return CONNECTION_FACTORIES.computeIfAbsent(kind, k -> {
            Settings s = settings(k);
            if (k == DatabaseKind.MARIADB) {
                // r2dbc-mariadb reads its version from a properties file in a lazy holder class, first touched during a
                // handshake on the event loop: load it here instead.
                org.mariadb.r2dbc.util.VersionFactory.getInstance();
            }
            ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(s.r2dbcUrl()).mutate()
                    .option(ConnectionFactoryOptions.USER, s.username());
            if (s.password() != null) {
                options.option(ConnectionFactoryOptions.PASSWORD, s.password());
            }
            ConnectionPoolConfiguration.Builder pool = ConnectionPoolConfiguration
                    .builder(ConnectionFactories.get(options.build()))
                    .name("qs-test-r2dbc-" + k.name().toLowerCase(Locale.ROOT))
                    .initialSize(1)
                    .maxSize(8)
                    .maxAcquireTime(Duration.ofSeconds(20))
                    // No idle eviction: it would close connections on a Reactor thread in the background,
                    // outside any test, where BlockHound could not attribute a violation to a test.
                    .maxIdleTime(Duration.ofMillis(-1))
                    .backgroundEvictionInterval(Duration.ZERO);
            if (k == DatabaseKind.H2) {
                // r2dbc-h2 opens an embedded session synchronously; never do that on a non-blocking thread.
                pool.allocatorSubscribeOn(Schedulers.boundedElastic());
            }
            ConnectionPool cf = new ConnectionPool(pool.build());
            Mono.usingWhen(cf.create(), c -> Mono.from(c.createStatement("SELECT 1").execute())
                            .flatMap(r -> Mono.from(r.map((row, md) -> 1)).then()), c -> c.close())
                    .block(Duration.ofSeconds(30));
            addShutdownHook();
            return cf;
        });
    }

    /** The JDBC URL of {@code kind} (for PostgreSQL with {@code currentSchema} set to this JVM's schema). */
    public static String jdbcUrl(DatabaseKind kind) {
        return settings(kind).jdbcUrl();
    }

    /** The R2DBC URL of {@code kind}, without pooling (for PostgreSQL with {@code schema} set). */
    public static String r2dbcUrl(DatabaseKind kind) {
        return settings(kind).r2dbcUrl();
    }

    /** The user name of {@code kind}. */
    public static String username(DatabaseKind kind) {
        return settings(kind).username();
    }

    /** The password of {@code kind}, or null for none. */
    public static @Nullable String password(DatabaseKind kind) {
        return settings(kind).password();
    }

    /** The schema (PostgreSQL) or database (MariaDB) this JVM's tables live in, or null for H2. */
    public static @Nullable String schema(DatabaseKind kind) {
        return settings(kind).schema();
    }

    // ------------------------------------------------------------------ internals

    /**
     * Whether a database can be reached, and why not.
     *
     * @param available whether it answered
     * @param reason the message shown when it did not
     */
    public record Availability(boolean available, String reason) {
    }

    /**
     * Where one server is and how this JVM uses it.
     *
     * @param schema this JVM's own schema (PostgreSQL) or database (MariaDB), created by the probe; null for none
     * @param adminJdbcUrl the URL the probe and the clean-up connect to (outside {@code schema})
     * @param configured whether an environment variable named the server (then no container is started instead)
     */
    private record Settings(String jdbcUrl, String r2dbcUrl, String username, @Nullable String password,
                            @Nullable String schema, String adminJdbcUrl, String description, boolean configured) {
    }

    private static void requireAvailable(DatabaseKind kind) {
        Availability a = availability(kind);
        if (!a.available()) {
            throw new IllegalStateException(a.reason());
        }
    }

    private static synchronized Settings settings(DatabaseKind kind) {
        return SETTINGS.computeIfAbsent(kind, k -> switch (k) {
            case H2 -> h2Settings();
            case POSTGRES -> postgresSettings();
            case MARIADB -> mariaDbSettings();
        });
    }

    private static Settings h2Settings() {
        String jdbc = "jdbc:h2:mem:" + H2_NAME + ";DB_CLOSE_DELAY=-1";
        return new Settings(jdbc, "r2dbc:h2:mem:///" + H2_NAME + "?options=DB_CLOSE_DELAY=-1", "sa", "", null, jdbc,
                "H2 " + jdbc, false);
    }

    private static Settings postgresSettings() {
        String env = System.getenv(POSTGRES_URL_ENV);
        String jdbc = env == null || env.isBlank() ? DEFAULT_POSTGRES_URL : env.trim();
        if (!jdbc.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException(POSTGRES_URL_ENV + " must be a JDBC URL jdbc:postgresql://host[:port]/db, got " + jdbc);
        }
        URI uri = URI.create(jdbc.substring("jdbc:".length()));
        Map<String, String> params = queryParameters(uri.getRawQuery());
        String user = firstNonBlank(params.remove("user"), System.getenv("QUERYSET_TEST_POSTGRES_USER"), "postgres");
        String password = firstNonBlank(params.remove("password"), System.getenv("QUERYSET_TEST_POSTGRES_PASSWORD"), null);
        return postgresSettings(uri, params, user, password, env != null && !env.isBlank());
    }

    private static Settings postgresSettings(URI uri, Map<String, String> params, String user, @Nullable String password,
                                             boolean configured) {
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "test" : uri.getPath().substring(1);
        String schema = ownName();

        StringBuilder base = new StringBuilder("jdbc:postgresql://" + host + ":" + port + "/" + database);
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=').append(v));
        String admin = base + query.toString();
        String withSchema = admin + (query.isEmpty() ? "?" : "&") + "currentSchema=" + schema;
        String r2dbc = "r2dbc:postgresql://" + host + ":" + port + "/" + database + "?schema=" + schema;
        return new Settings(withSchema, r2dbc, user, password, schema, admin,
                "PostgreSQL " + admin + " (user " + user + ")", configured);
    }

    private static Settings mariaDbSettings() {
        String env = System.getenv(MARIADB_URL_ENV);
        String jdbc = env == null || env.isBlank() ? DEFAULT_MARIADB_URL : env.trim();
        if (!jdbc.startsWith("jdbc:mariadb://")) {
            throw new IllegalStateException(MARIADB_URL_ENV + " must be a JDBC URL jdbc:mariadb://host[:port]/db, got " + jdbc);
        }
        URI uri = URI.create(jdbc.substring("jdbc:".length()));
        Map<String, String> params = queryParameters(uri.getRawQuery());
        String user = firstNonBlank(params.remove("user"), System.getenv("QUERYSET_TEST_MARIADB_USER"), "root");
        String password = firstNonBlank(params.remove("password"), System.getenv("QUERYSET_TEST_MARIADB_PASSWORD"), null);
        return mariaDbSettings(uri, params, user, password, ownName(), env != null && !env.isBlank());
    }

    /** @param own this JVM's own database, or null to work in the URL's database itself */
    private static Settings mariaDbSettings(URI uri, Map<String, String> params, String user, @Nullable String password,
                                            @Nullable String own, boolean configured) {
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 3306 : uri.getPort();
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "test" : uri.getPath().substring(1);
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=').append(v));
        String admin = "jdbc:mariadb://" + host + ":" + port + "/" + database + query;
        String used = own == null ? database : own;
        // READ COMMITTED, as Django's MySQL backend sets by default (and docs/databases.md recommends): under MariaDB's
        // REPEATABLE READ a locking read keeps every row it scanned locked, not only the rows it returned.
        String jdbcQuery = query + (query.isEmpty() ? "?" : "&") + "transactionIsolation=READ-COMMITTED";
        return new Settings("jdbc:mariadb://" + host + ":" + port + "/" + used + jdbcQuery,
                "r2dbc:mariadb://" + host + ":" + port + "/" + used + "?isolationLevel=READ-COMMITTED", user, password, own,
                admin, "MariaDB " + admin + " (user " + user + ")", configured);
    }

    /** {@code qs_test_<pid>_<random>}: this JVM's own schema or database on a shared server. */
    private static String ownName() {
        return "qs_test_" + ProcessHandle.current().pid() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    private static Availability probe(DatabaseKind kind) {
        if (kind == DatabaseKind.H2) {
            return new Availability(true, "");
        }
        Settings s = settings(kind);
        String failure = prepare(kind, s);
        if (failure == null) {
            return new Availability(true, "");
        }
        String containerNote = "";
        if (!s.configured()) {
            // Nothing configured and nothing local: a throw-away server in Docker, when there is Docker.
            Settings container = startContainer(kind);
            if (container != null) {
                SETTINGS.put(kind, container);
                String containerFailure = prepare(kind, container);
                if (containerFailure == null) {
                    return new Availability(true, "");
                }
                containerNote = " A Testcontainers server did not answer either (" + containerFailure + ").";
            } else {
                containerNote = " No Docker for Testcontainers either.";
            }
        }
        String envVar = kind == DatabaseKind.POSTGRES ? POSTGRES_URL_ENV : MARIADB_URL_ENV;
        String reason = s.description() + " is not reachable (" + failure + ")." + containerNote + " Every " + kind.displayName()
                + " case is " + (isCi() ? "FAILED because CI=true" : "SKIPPED")
                + ". Set " + envVar + " to a reachable JDBC URL or start a local server.";
        System.err.println();
        System.err.println("=".repeat(100));
        System.err.println("!!! " + reason);
        System.err.println("=".repeat(100));
        System.err.println();
        return new Availability(false, reason);
    }

    /** Connects and creates this JVM's schema or database; the failure message, or null when the server is ready. */
    private static @Nullable String prepare(DatabaseKind kind, Settings s) {
        try (Connection c = DriverManager.getConnection(s.adminJdbcUrl(), adminProperties(s)); Statement st = c.createStatement()) {
            if (s.schema() != null) {
                if (kind == DatabaseKind.POSTGRES) {
                    st.execute("CREATE SCHEMA IF NOT EXISTS \"" + s.schema() + "\"");
                } else {
                    createOwnMariaDbDatabase(kind, s, st);
                }
            }
            addShutdownHook();
            return null;
        } catch (SQLException | RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** Creates this JVM's database, or falls back to the configured one when the user may not create databases. */
    private static void createOwnMariaDbDatabase(DatabaseKind kind, Settings s, Statement st) throws SQLException {
        try {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + s.schema() + "` CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            if (e.getErrorCode() != 1044) { // ER_DBACCESS_DENIED_ERROR
                throw e;
            }
            URI uri = URI.create(s.adminJdbcUrl().substring("jdbc:".length()));
            System.err.println("!!! " + s.description() + " may not create databases (" + e.getMessage()
                    + "): the MariaDB tests use the configured database itself.");
            SETTINGS.put(kind, mariaDbSettings(uri, queryParameters(uri.getRawQuery()), s.username(), s.password(), null,
                    s.configured()));
        }
    }

    private static Properties adminProperties(Settings s) {
        Properties props = new Properties();
        props.setProperty("user", s.username());
        if (s.password() != null) {
            props.setProperty("password", s.password());
        }
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        props.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        return props;
    }

    /**
     * A server started by Testcontainers for this JVM (stopped by Testcontainers' reaper when the JVM exits), or null
     * when Docker is not available. The container's database is private to this JVM, so MariaDB works in it directly.
     */
    private static @Nullable Settings startContainer(DatabaseKind kind) {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
            if (kind == DatabaseKind.POSTGRES) {
                PostgreSQLContainer pg = new PostgreSQLContainer(POSTGRES_IMAGE);
                pg.start();
                URI uri = URI.create(pg.getJdbcUrl().substring("jdbc:".length()));
                return postgresSettings(uri, queryParameters(uri.getRawQuery()), pg.getUsername(), pg.getPassword(), false);
            }
            MariaDBContainer mariaDb = new MariaDBContainer(MARIADB_IMAGE);
            mariaDb.start();
            URI uri = URI.create(mariaDb.getJdbcUrl().substring("jdbc:".length()));
            return mariaDbSettings(uri, queryParameters(uri.getRawQuery()), mariaDb.getUsername(), mariaDb.getPassword(), null,
                    false);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("!!! Testcontainers could not start a " + kind.displayName() + " server: " + e);
            return null;
        }
    }

    private static synchronized void addShutdownHook() {
        if (shutdownHookAdded) {
            return;
        }
        shutdownHookAdded = true;
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::closeAll, "qs-test-databases-shutdown"));
    }

    private static synchronized void closeAll() {
        CONNECTION_FACTORIES.values().forEach(pool -> {
            try {
                pool.disposeLater().block(Duration.ofSeconds(10));
            } catch (RuntimeException ignored) {
                // best effort at JVM exit
            }
        });
        DATA_SOURCES.values().forEach(HikariDataSource::close);
        dropOwn(DatabaseKind.POSTGRES, s -> "DROP SCHEMA IF EXISTS \"" + s + "\" CASCADE");
        dropOwn(DatabaseKind.MARIADB, s -> "DROP DATABASE IF EXISTS `" + s + "`");
    }

    private static void dropOwn(DatabaseKind kind, java.util.function.Function<String, String> drop) {
        Settings s = SETTINGS.get(kind);
        Availability available = AVAILABILITY.get(kind);
        if (s == null || s.schema() == null || available == null || !available.available()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(s.adminJdbcUrl(), adminProperties(s)); Statement st = c.createStatement()) {
            st.execute(drop.apply(s.schema()));
        } catch (SQLException ignored) {
            // best effort at JVM exit
        }
    }

    private static Map<String, String> queryParameters(@Nullable String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            boolean credential = "user".equals(key) || "password".equals(key);
            // Credentials are decoded to be passed as properties; other parameters go back into the URL as written.
            out.put(key, credential ? URLDecoder.decode(value, StandardCharsets.UTF_8) : value);
        }
        return out;
    }

    private static @Nullable String firstNonBlank(@Nullable String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }
}
