package io.queryset.autoconfigure;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.queryset.BlockingGuard;
import io.queryset.Database;
import io.queryset.DatabaseRouter;
import io.queryset.Manager;
import io.queryset.SynchronousOnlyOperationException;
import io.queryset.autoconfigure.fixtures.FixturesPackage;
import io.queryset.autoconfigure.fixtures.Novel;
import io.queryset.observation.DefaultQuerySetObservationConvention;
import io.queryset.observation.QuerySetObservationContext;
import io.queryset.observation.QuerySetObservationConvention;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The starter's features configured from {@code queryset.*} and beans: observations, SQL logging, named databases
 * and routers, customizers, the blocking-call guard, and backing off for an application's own DataSource.
 */
class QuerySetFeaturesAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    QuerySetDataSourceAutoConfiguration.class, QuerySetAutoConfiguration.class))
            .withUserConfiguration(FixturesPackage.class)
            .withPropertyValues("queryset.schema.create=true");

    @Test
    void observesEveryQueryWithTheApplicationsObservationRegistry() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withPropertyValues(jdbcUrl("observed"))
                .withBean(ObservationRegistry.class, () -> registry)
                .run(context -> {
                    context.getBean(Database.class).manager(Novel.class).count();
                    assertThat(registry).hasSingleObservationThat()
                            .hasNameEqualTo(DefaultQuerySetObservationConvention.NAME)
                            .hasLowCardinalityKeyValue("queryset.operation", "count")
                            .hasLowCardinalityKeyValue("queryset.model", "Novel");
                });
    }

    @Test
    void usesTheApplicationsObservationConvention() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withPropertyValues(jdbcUrl("convention"))
                .withBean(ObservationRegistry.class, () -> registry)
                .withBean(QuerySetObservationConvention.class, () -> new DefaultQuerySetObservationConvention() {
                    @Override
                    public KeyValues getLowCardinalityKeyValues(QuerySetObservationContext context) {
                        return super.getLowCardinalityKeyValues(context).and("team", "books");
                    }
                })
                .run(context -> {
                    context.getBean(Database.class).manager(Novel.class).exists();
                    assertThat(registry).hasSingleObservationThat().hasLowCardinalityKeyValue("team", "books");
                });
    }

    @Test
    void logsStatementsAndSlowOnesFromTheSqlProperties() {
        Logger sql = (Logger) LoggerFactory.getLogger("io.queryset.sql");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        sql.addAppender(events);
        sql.setLevel(Level.INFO);
        try {
            runner.withPropertyValues(jdbcUrl("sqlLog"), "queryset.sql.log=true", "queryset.sql.mask-parameters=true")
                    .run(context -> {
                        events.list.clear(); // schema creation at start-up is logged too
                        context.getBean(Database.class).manager(Novel.class).filter("title", "Secret").count();
                        assertThat(events.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                                .contains("SELECT COUNT(*)").endsWith("[?]"));
                    });
            events.list.clear();
            runner.withPropertyValues(jdbcUrl("slow"), "queryset.sql.slow-query-threshold=1ns")
                    .run(context -> {
                        events.list.clear();
                        context.getBean(Database.class).manager(Novel.class).count();
                        assertThat(events.list).singleElement().satisfies(e -> {
                            assertThat(e.getLevel()).isEqualTo(Level.WARN);
                            assertThat(e.getFormattedMessage()).startsWith("Slow statement");
                        });
                    });
        } finally {
            sql.detachAppender(events);
            sql.setLevel(null);
        }
    }

    @Test
    void namedDatabasesAreReachedWithUsingAndTheReadReplicaRouter() {
        runner.withPropertyValues(jdbcUrl("primary"),
                        "queryset.databases.replica.url=jdbc:h2:mem:replica;DB_CLOSE_DELAY=-1",
                        "queryset.databases.replica.username=sa",
                        "queryset.read-replica=replica")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Database db = context.getBean(Database.class);
                    Manager<Novel> novels = db.manager(Novel.class);
                    // The replica is its own database here: its own table, its own rows.
                    DataSource replica = context.getBean(NamedDatabaseConnections.class).byAlias().get("replica").dataSource();
                    new JdbcTemplate(replica).execute(db.schema().ddl(Novel.class));
                    novels.using("replica").create(new Novel(null, "On the replica", 1));
                    novels.create(new Novel(null, "On the primary", 2));

                    assertThat(novels.using("default").valuesList(String.class, "title").list())
                            .containsExactly("On the primary");
                    assertThat(novels.using("replica").valuesList(String.class, "title").list())
                            .containsExactly("On the replica");
                    assertThat(novels.valuesList(String.class, "title").list())
                            .as("a read outside a transaction goes to the replica").containsExactly("On the replica");
                    assertThat(db.atomic(() -> novels.valuesList(String.class, "title").list()))
                            .as("inside a transaction, the default database").containsExactly("On the primary");
                    assertThat(novels.using("replica").acount().block()).isEqualTo(1L);
                });
    }

    @Test
    void aNamedDatabaseWithoutUrlFailsStartUpNamingTheProperty() {
        runner.withPropertyValues(jdbcUrl("noUrl"), "queryset.databases.replica.username=sa")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("queryset.databases.replica needs a url (JDBC), an r2dbc-url, or both."));
    }

    @Test
    void appliesRouterBeansAndCustomizersInOrder() {
        AtomicInteger routed = new AtomicInteger();
        DatabaseRouter countingRouter = new DatabaseRouter() {
            @Override
            public @Nullable String dbForRead(Class<?> model, boolean inTransaction) {
                routed.incrementAndGet();
                return null;
            }
        };
        runner.withPropertyValues(jdbcUrl("customized"), "queryset.async.guard=off")
                .withBean(DatabaseRouter.class, () -> countingRouter)
                .withBean(DatabaseBuilderCustomizer.class, () -> builder -> builder.blockingGuard(BlockingGuard.ERROR))
                .run(context -> {
                    Manager<Novel> novels = context.getBean(Database.class).manager(Novel.class);
                    assertThat(novels.count()).isZero();
                    assertThat(routed).hasValue(1);
                    // The customizer ran after the properties: the guard is ERROR again.
                    assertThatThrownBy(() -> Mono.fromCallable(novels::count).subscribeOn(Schedulers.parallel()).block())
                            .isInstanceOf(SynchronousOnlyOperationException.class);
                });
    }

    @Test
    void theBlockingGuardFollowsTheProperty() {
        runner.withPropertyValues(jdbcUrl("guardWarn"), "queryset.async.guard=warn")
                .run(context -> {
                    Manager<Novel> novels = context.getBean(Database.class).manager(Novel.class);
                    assertThat(Mono.fromCallable(novels::count).subscribeOn(Schedulers.parallel()).block()).isZero();
                });
        runner.withPropertyValues(jdbcUrl("guardError"))
                .run(context -> {
                    Manager<Novel> novels = context.getBean(Database.class).manager(Novel.class);
                    assertThatThrownBy(() -> Mono.fromCallable(novels::count).subscribeOn(Schedulers.parallel()).block())
                            .isInstanceOf(SynchronousOnlyOperationException.class)
                            .hasMessageContaining("use its a-prefixed twin or AsyncBridge.syncToAsync");
                });
    }

    @Test
    void keepsTheApplicationsOwnDataSource() {
        DriverManagerDataSource own = new DriverManagerDataSource("jdbc:h2:mem:own;DB_CLOSE_DELAY=-1", "sa", "");
        runner.withBean("ownDataSource", DataSource.class, () -> own)
                .run(context -> {
                    assertThat(context).hasSingleBean(DataSource.class);
                    assertThat(context.getBean(Database.class).dataSource()).isSameAs(own);
                });
    }

    @Test
    void blockingMethodsOfAnR2dbcOnlyApplicationNameTheMissingProperty() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
                        QuerySetDataSourceAutoConfiguration.class, QuerySetAutoConfiguration.class))
                .withUserConfiguration(FixturesPackage.class)
                .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///r2dbcOnlyError?options=DB_CLOSE_DELAY=-1",
                        "spring.r2dbc.username=sa", "queryset.schema.create=true")
                .run(context -> {
                    Manager<Novel> novels = context.getBean(Database.class).manager(Novel.class);
                    assertThat(novels.acount().block()).isZero();
                    assertThatThrownBy(novels::count).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("spring.datasource.url");
                });
    }

    private static String jdbcUrl(String name) {
        return "spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }
}
