package io.queryset.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the benchmarks find PostgreSQL: the JDBC URL in {@code QUERYSET_BENCH_POSTGRES_URL}
 * ({@code user} and {@code password} as URL parameters, or {@code QUERYSET_BENCH_POSTGRES_USER} /
 * {@code _PASSWORD}), else {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres}
 * without a password. Both pools get {@link #POOL_SIZE} connections unless told otherwise, opened up front.
 */
record PostgresSettings(String host, int port, String database, String user, String password) {

    static final String URL_ENV = "QUERYSET_BENCH_POSTGRES_URL";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final int POOL_SIZE = 8;

    static PostgresSettings fromEnvironment() {
        String env = System.getenv(URL_ENV);
        String jdbc = env == null || env.isBlank() ? DEFAULT_URL : env.trim();
        if (!jdbc.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException(URL_ENV + " must be a JDBC URL jdbc:postgresql://host[:port]/db, got " + jdbc);
        }
        URI uri = URI.create(jdbc.substring("jdbc:".length()));
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String user = firstNonBlank(params.get("user"), System.getenv("QUERYSET_BENCH_POSTGRES_USER"), "postgres");
        String password = firstNonBlank(params.get("password"), System.getenv("QUERYSET_BENCH_POSTGRES_PASSWORD"), "");
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "test" : uri.getPath().substring(1);
        return new PostgresSettings(host, port, database, user, password);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    /** HikariCP, {@link #POOL_SIZE} connections. */
    HikariDataSource dataSource() {
        return dataSource(POOL_SIZE);
    }

    /** HikariCP, {@code poolSize} connections, all opened up front. */
    HikariDataSource dataSource(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + database);
        config.setUsername(user);
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.setPoolName("bench-hikari");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        return new HikariDataSource(config);
    }

    /** r2dbc-pool over r2dbc-postgresql, {@link #POOL_SIZE} connections. */
    ConnectionPool connectionFactory() {
        return connectionFactory(POOL_SIZE);
    }

    /** r2dbc-pool over r2dbc-postgresql, {@code poolSize} connections, all opened up front. */
    ConnectionPool connectionFactory(int poolSize) {
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, host)
                .option(ConnectionFactoryOptions.PORT, port)
                .option(ConnectionFactoryOptions.DATABASE, database)
                .option(ConnectionFactoryOptions.USER, user);
        if (!password.isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options.build()))
                .name("bench-r2dbc")
                .initialSize(poolSize)
                .maxSize(poolSize)
                .maxAcquireTime(Duration.ofSeconds(20))
                .build());
        pool.warmup().block(Duration.ofSeconds(30));
        return pool;
    }

    @Override
    public String toString() {
        return "PostgreSQL " + host + ":" + port + "/" + database + " (user " + user + ")";
    }
}
