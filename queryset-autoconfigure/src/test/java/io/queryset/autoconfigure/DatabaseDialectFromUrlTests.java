package io.queryset.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.queryset.Database;
import io.queryset.autoconfigure.fixtures.FixturesPackage;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The Database's dialect comes from the JDBC and R2DBC URLs (or connection details) the application configures, so
 * start-up opens no connection to detect it: every server URL below points at a closed port.
 */
class DatabaseDialectFromUrlTests {

    /** Nothing listens there: detecting the dialect through a connection would fail the start-up. */
    private static final String NOWHERE = "//127.0.0.1:9/none";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QuerySetDataSourceAutoConfiguration.class, QuerySetAutoConfiguration.class))
            .withUserConfiguration(FixturesPackage.class);

    @Test
    void takesTheDialectFromTheJdbcUrlWithoutConnecting() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:mariadb:" + NOWHERE)
                .run(context -> {
                    assertThat(context.getBean(Database.class).dialectName()).isEqualTo("MariaDB");
                    assertThat(context.getBean(HikariDataSource.class).getHikariPoolMXBean())
                            .as("the pool starts on its first connection: none was asked for").isNull();
                });
    }

    @Test
    void takesTheDialectFromTheR2dbcUrlToo() {
        // The ConnectionFactory's own name says MySQL: the URL, naming MariaDB, wins.
        runner.withBean(ConnectionFactory.class, MySqlNamedConnectionFactory::new)
                .withPropertyValues("spring.r2dbc.url=r2dbc:pool:mariadb:" + NOWHERE)
                .run(context -> assertThat(context.getBean(Database.class).dialectName()).isEqualTo("MariaDB"));
    }

    @Test
    void takesTheDialectFromAConnectionDetailsBean() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withBean(JdbcConnectionDetails.class, () -> new JdbcConnectionDetails() {
                    @Override
                    public String getUsername() {
                        return "root";
                    }

                    @Override
                    public String getPassword() {
                        return "";
                    }

                    @Override
                    public String getJdbcUrl() {
                        return "jdbc:mariadb:" + NOWHERE;
                    }
                })
                .run(context -> assertThat(context.getBean(Database.class).dialectName()).isEqualTo("MariaDB"));
    }

    @Test
    void refusesJdbcAndR2dbcUrlsNamingDifferentDatabases() {
        runner.withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///other", "spring.datasource.url=jdbc:mariadb:" + NOWHERE)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("The JDBC and R2DBC URLs name different databases (MariaDB and H2)"));
    }

    @Test
    void detectsTheDialectFromTheConnectionWhenNoUrlIsKnown() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:noUrl;DB_CLOSE_DELAY=-1");
        runner.withBean(javax.sql.DataSource.class, () -> h2)
                .run(context -> assertThat(context.getBean(Database.class).dialectName()).isEqualTo("H2"));
    }

    /** A ConnectionFactory named MySQL that must never be asked for a connection. */
    private static final class MySqlNamedConnectionFactory implements ConnectionFactory {

        @Override
        public Publisher<? extends Connection> create() {
            return Mono.error(new AssertionError("no connection may be opened at start-up"));
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return () -> "MySQL";
        }
    }
}
