package io.queryset.autoconfigure;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The pools of the databases under {@code queryset.databases.*}: a DataSource for each {@code url} (HikariCP when
 * present), a ConnectionFactory for each {@code r2dbc-url} (pooled by r2dbc-pool when present). Closed with the
 * application context.
 */
final class NamedDatabaseConnections implements DisposableBean {

    private static final boolean R2DBC_POOL_PRESENT =
            ClassUtils.isPresent("io.r2dbc.pool.ConnectionPool", NamedDatabaseConnections.class.getClassLoader());

    private static final boolean HIKARI_PRESENT =
            ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", NamedDatabaseConnections.class.getClassLoader());

    /** One named database's sides. */
    record Connections(@Nullable DataSource dataSource, @Nullable ConnectionFactory connectionFactory) {
    }

    private final Map<String, Connections> byAlias = new LinkedHashMap<>();

    private final List<AutoCloseable> closeables = new ArrayList<>();

    NamedDatabaseConnections(Map<String, QuerySetProperties.NamedDatabase> databases) {
        databases.forEach((alias, settings) -> {
            if (!StringUtils.hasText(settings.getUrl()) && !StringUtils.hasText(settings.getR2dbcUrl())) {
                throw new IllegalStateException("queryset.databases." + alias + " needs a url (JDBC), an r2dbc-url, or both.");
            }
            byAlias.put(alias, new Connections(dataSource(alias, settings), connectionFactory(settings)));
        });
    }

    Map<String, Connections> byAlias() {
        return byAlias;
    }

    private @Nullable DataSource dataSource(String alias, QuerySetProperties.NamedDatabase settings) {
        if (!StringUtils.hasText(settings.getUrl())) {
            return null;
        }
        DataSource dataSource = DataSourceBuilder.create(getClass().getClassLoader())
                .url(settings.getUrl())
                .username(settings.getUsername())
                .password(settings.getPassword())
                .build();
        if (HIKARI_PRESENT) {
            Hikari.name(dataSource, "queryset-" + alias, settings.getMaxPoolSize());
        }
        if (dataSource instanceof AutoCloseable closeable) {
            closeables.add(closeable);
        }
        return dataSource;
    }

    private @Nullable ConnectionFactory connectionFactory(QuerySetProperties.NamedDatabase settings) {
        String url = settings.getR2dbcUrl();
        if (!StringUtils.hasText(url)) {
            return null;
        }
        if (R2DBC_POOL_PRESENT && !url.startsWith("r2dbc:pool:")) {
            url = "r2dbc:pool:" + url.substring("r2dbc:".length());
        }
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(url).mutate();
        if (settings.getUsername() != null) {
            options.option(ConnectionFactoryOptions.USER, settings.getUsername());
        }
        if (settings.getPassword() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, settings.getPassword());
        }
        if (R2DBC_POOL_PRESENT) {
            options.option(Option.valueOf("maxSize"), settings.getMaxPoolSize());
        }
        ConnectionFactory connectionFactory = ConnectionFactories.get(options.build());
        if (connectionFactory instanceof reactor.core.Disposable disposable) {
            closeables.add(disposable::dispose);
        }
        return connectionFactory;
    }

    @Override
    public void destroy() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    /** Touches HikariCP's classes only when they are there. */
    private static final class Hikari {
        static void name(DataSource dataSource, String poolName, int maxPoolSize) {
            if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                hikari.setPoolName(poolName);
                hikari.setMaximumPoolSize(maxPoolSize);
            }
        }
    }
}
