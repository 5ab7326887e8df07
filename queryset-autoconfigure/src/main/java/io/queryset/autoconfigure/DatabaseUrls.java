package io.queryset.autoconfigure;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The JDBC and R2DBC URLs the application's DataSource and ConnectionFactory come from, from which the Database
 * takes its dialect (so start-up opens no connection to detect it): a {@code JdbcConnectionDetails} /
 * {@code R2dbcConnectionDetails} bean (a {@code @ServiceConnection}, Docker Compose) when there is one, else
 * {@code spring.datasource.url} / {@code spring.r2dbc.url}. Boot's JDBC and R2DBC modules are optional: each is
 * read only when present.
 */
final class DatabaseUrls {

    private static final String JDBC_DETAILS = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";
    private static final String R2DBC_DETAILS = "org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails";

    private DatabaseUrls() {
    }

    /** The JDBC URL of the application's DataSource, or null when none is known. */
    static @Nullable String jdbc(Environment environment, BeanFactory beans) {
        if (ClassUtils.isPresent(JDBC_DETAILS, DatabaseUrls.class.getClassLoader())) {
            String url = JdbcDetails.url(beans);
            if (url != null) {
                return url;
            }
        }
        return environment.getProperty("spring.datasource.url");
    }

    /** The R2DBC URL (or its {@code r2dbc:driver:protocol:} start) of the application's ConnectionFactory, or null. */
    static @Nullable String r2dbc(Environment environment, BeanFactory beans) {
        if (ClassUtils.isPresent(R2DBC_DETAILS, DatabaseUrls.class.getClassLoader())) {
            String url = R2dbcDetails.url(beans);
            if (url != null) {
                return url;
            }
        }
        return environment.getProperty("spring.r2dbc.url");
    }

    /** Touches spring-boot-jdbc's types only when it is present. */
    private static final class JdbcDetails {

        static @Nullable String url(BeanFactory beans) {
            JdbcConnectionDetails details = beans.getBeanProvider(JdbcConnectionDetails.class).getIfUnique();
            return details == null ? null : details.getJdbcUrl();
        }
    }

    /** Touches spring-boot-r2dbc's types only when it is present. */
    private static final class R2dbcDetails {

        static @Nullable String url(BeanFactory beans) {
            R2dbcConnectionDetails details = beans.getBeanProvider(R2dbcConnectionDetails.class).getIfUnique();
            if (details == null) {
                return null;
            }
            ConnectionFactoryOptions options = details.getConnectionFactoryOptions();
            Object driver = options.getValue(ConnectionFactoryOptions.DRIVER);
            Object protocol = options.getValue(ConnectionFactoryOptions.PROTOCOL);
            return driver == null ? null : "r2dbc:" + driver + ":" + (protocol == null ? "" : protocol + ":");
        }
    }
}
