package io.queryset.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.autoconfigure.fixtures.FixturesPackage;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * The starter brings r2dbc-pool, whose provider file switches Boot's R2DBC auto-configuration on: a JDBC-only
 * application (no R2DBC driver, no {@code spring.r2dbc.url}) must still start, with its a-methods BRIDGED.
 */
class R2dbcWithoutDriverFilterTests {

    private static final String R2DBC = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration";
    private static final String OTHER = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

    @Test
    void leavesR2dbcOutWhenOnlyThePoolIsThereAndNoUrlIsSet() {
        assertThat(match(new FilteredClassLoader("io.r2dbc.h2", "io.r2dbc.postgresql"), new MockEnvironment())).containsExactly(false, true);
    }

    @Test
    void keepsR2dbcWhenADriverIsThere() {
        assertThat(match(getClass().getClassLoader(), new MockEnvironment())).containsExactly(true, true);
    }

    @Test
    void keepsR2dbcWhenAUrlIsSetSoThatAMissingDriverIsReportedByBoot() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:postgresql://db/app");
        assertThat(match(new FilteredClassLoader("io.r2dbc.h2", "io.r2dbc.postgresql"), environment)).containsExactly(true, true);
    }

    @Test
    void aJdbcOnlyApplicationStartsAndRunsItsAsyncMethodsBridged() {
        ClassLoader withoutR2dbcDriver = new FilteredClassLoader("io.r2dbc.h2", "io.r2dbc.postgresql");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JdbcOnlyApplication.class)
                .web(WebApplicationType.NONE)
                .resourceLoader(new DefaultResourceLoader(withoutR2dbcDriver))
                .properties("spring.datasource.url=jdbc:h2:mem:jdbcOnlyApp;DB_CLOSE_DELAY=-1", "spring.main.banner-mode=off")
                .run()) {
            assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
            assertThat(context.getBean(Database.class).asyncMode()).isEqualTo(AsyncMode.BRIDGED);
        }
    }

    private static boolean[] match(ClassLoader classLoader, MockEnvironment environment) {
        R2dbcWithoutDriverFilter filter = new R2dbcWithoutDriverFilter();
        filter.setBeanClassLoader(classLoader);
        filter.setEnvironment(environment);
        return filter.match(new String[] {R2DBC, OTHER}, null);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(FixturesPackage.class)
    static class JdbcOnlyApplication {
    }
}
