package io.queryset.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.queryset.AsyncBridge;
import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.autoconfigure.fixtures.FixturesPackage;
import io.queryset.autoconfigure.fixtures.Novel;
import io.queryset.autoconfigure.fixtures.Shelf;
import io.r2dbc.spi.ConnectionFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One test per condition of {@link QuerySetAutoConfiguration} and {@link QuerySetDataSourceAutoConfiguration}. */
class QuerySetAutoConfigurationTests {

    private static final AutoConfigurations QUERYSET = AutoConfigurations.of(
            QuerySetDataSourceAutoConfiguration.class, QuerySetAutoConfiguration.class);

    private static final AutoConfigurations BOOT_JDBC = AutoConfigurations.of(DataSourceAutoConfiguration.class);

    private static final AutoConfigurations BOOT_R2DBC = AutoConfigurations.of(R2dbcAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(QUERYSET)
            .withUserConfiguration(FixturesPackage.class);

    @Test
    void backsOffWithoutDataSourceOrConnectionFactory() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(Database.class)
                .doesNotHaveBean(Manager.class)
                .doesNotHaveBean(AsyncBridge.class));
    }

    @Test
    void buildsDatabaseOnDataSourceAlone() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("jdbcOnly"), "queryset.schema.create=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(Database.class).hasSingleBean(DataSource.class)
                            .doesNotHaveBean(ConnectionFactory.class);
                    assertThat(context.getBean(Database.class).asyncMode()).isEqualTo(AsyncMode.BRIDGED);
                    Manager<Novel> novels = novelManager(context.getBean(Database.class));
                    novels.create(new Novel(null, "Middlemarch", 880));
                    // Bridged: the async twin runs the blocking query on the bridge scheduler.
                    assertThat(novels.acount().block()).isEqualTo(1L);
                });
    }

    @Test
    void buildsDatabaseOnConnectionFactoryAlone() {
        runner.withConfiguration(BOOT_R2DBC).withConfiguration(BOOT_JDBC)
                .withPropertyValues(r2dbcUrl("r2dbcOnly"), "spring.r2dbc.username=sa", "queryset.schema.create=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(Database.class).hasSingleBean(ConnectionFactory.class)
                            .doesNotHaveBean(DataSource.class);
                    assertThat(context.getBean(Database.class).asyncMode()).isEqualTo(AsyncMode.NATIVE);
                    Manager<Novel> novels = novelManager(context.getBean(Database.class));
                    novels.acreate(new Novel(null, "Persuasion", 249)).block();
                    assertThat(novels.acount().block()).isEqualTo(1L);
                });
    }

    @Test
    void buildsTheDataSourceBootLeavesOutNextToAConnectionFactory() {
        runner.withConfiguration(BOOT_R2DBC).withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("both"), r2dbcUrl("both"), "spring.datasource.username=sa",
                        "spring.r2dbc.username=sa", "spring.datasource.hikari.maximum-pool-size=3",
                        "queryset.schema.create=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(Database.class).hasSingleBean(ConnectionFactory.class)
                            .hasSingleBean(DataSource.class);
                    assertThat(context.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class,
                            hikari -> assertThat(hikari.getMaximumPoolSize()).isEqualTo(3));
                    assertThat(context.getBean(Database.class).asyncMode()).isEqualTo(AsyncMode.NATIVE);
                    Manager<Novel> novels = novelManager(context.getBean(Database.class));
                    novels.create(new Novel(null, "Emma", 474));
                    // Written on JDBC, read on R2DBC: both sides reach the same database.
                    assertThat(novels.acount().block()).isEqualTo(1L);
                });
    }

    @Test
    void sharesOneInMemoryH2BetweenJdbcAndR2dbcWhenNoUrlIsSet() {
        runner.withConfiguration(BOOT_R2DBC).withConfiguration(BOOT_JDBC)
                .withInitializer(context -> new InMemoryH2DefaultsEnvironmentPostProcessor()
                        .postProcessEnvironment(context.getEnvironment(), context.getClassLoader()))
                .withPropertyValues("queryset.schema.create=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(DataSource.class).hasSingleBean(ConnectionFactory.class);
                    Manager<Novel> novels = novelManager(context.getBean(Database.class));
                    novels.create(new Novel(null, "Dracula", 418));
                    assertThat(novels.acount().block()).isEqualTo(1L);
                    novels.acreate(new Novel(null, "Frankenstein", 280)).block();
                    assertThat(novels.count()).isEqualTo(2L);
                });
    }

    @Test
    void keepsAUserDefinedDatabase() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("userDatabase"))
                .withUserConfiguration(UserDatabaseConfiguration.class)
                .withBean(Library.class)
                .run(context -> {
                    assertThat(context.getBeanNamesForType(Database.class)).containsExactly("userDatabase");
                    // The managers are built on the application's Database.
                    assertThat(context.getBean(Library.class).novels().model()).isEqualTo(Novel.class);
                });
    }

    @Test
    void injectsOneManagerPerModelByGenericType() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("managers"))
                .withBean(Library.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(Manager.class)).containsOnlyKeys("novelManager", "shelfManager");
                    Library library = context.getBean(Library.class);
                    assertThat(library.novels().model()).isEqualTo(Novel.class);
                    assertThat(library.shelves().model()).isEqualTo(Shelf.class);
                });
    }

    @Test
    void createsTablesOfAllModelsAtStartupWhenAsked() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("schemaCreate"), "queryset.schema.create=true")
                .withBean(Library.class)
                .run(context -> {
                    Library library = context.getBean(Library.class);
                    assertThat(library.novels().exists()).isFalse();
                    assertThat(library.shelves().count()).isZero();
                });
    }

    @Test
    void findsModelsInTheConfiguredPackagesInsteadOfTheAutoConfigurationPackages() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("packages"), "queryset.packages=io.queryset.autoconfigure.elsewhere")
                .run(context -> assertThat(context.getBeansOfType(Manager.class)).containsOnlyKeys("pamphletManager"));
    }

    @Test
    void findsModelsInTheEntityScanPackages() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("entityScan"))
                .withUserConfiguration(EntityScanConfiguration.class)
                .run(context -> assertThat(context.getBeansOfType(Manager.class)).containsOnlyKeys("pamphletManager"));
    }

    @Test
    void keepsAUserDefinedManagerOfAModel() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("userManager"))
                .withUserConfiguration(UserManagerConfiguration.class)
                .withBean(Library.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(Manager.class)).containsOnlyKeys("myNovels", "shelfManager");
                    assertThat(context.getBean(Library.class).novels()).isSameAs(context.getBean("myNovels"));
                });
    }

    @Test
    void keepsAUserDefinedAsyncBridge() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("userBridge"))
                .withBean("myBridge", AsyncBridge.class, () -> AsyncBridge.create(2, 10))
                .run(context -> assertThat(context.getBeansOfType(AsyncBridge.class)).containsOnlyKeys("myBridge"));
    }

    @Test
    void buildsAPlatformThreadBridgeWithTheConfiguredLimits() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("bridgeLimits"), "queryset.bridge.max-threads=3",
                        "queryset.bridge.queue-size=30", "queryset.bridge.virtual-threads=false")
                .run(context -> {
                    AsyncBridge bridge = context.getBean(AsyncBridge.class);
                    assertThat(bridge.maxThreads()).hasValue(3);
                    assertThat(bridge.queuedTasksPerThread()).hasValue(10); // queue-size is the total
                    assertThat(bridge.syncToAsync(() -> Thread.currentThread().getName()).block())
                            .matches("queryset-bridge-\\d+");
                    // The Database's bridged a-methods use the same bean.
                    assertThat(context.getBean(Database.class).bridge()).isSameAs(bridge);
                });
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20, disabledReason = "Java 21+ has virtual threads: see buildsAVirtualThreadBridgeOnJava21")
    void failsToStartWithVirtualThreadsBeforeJava21() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("bridgeVirtualOn17"), "queryset.bridge.virtual-threads=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("Virtual threads need Java 21 or later, and this JVM is Java ")
                        .hasMessageContaining("Set queryset.bridge.virtual-threads=false"));
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "Virtual threads need Java 21: run with JAVA_HOME on a 21+ JDK")
    void buildsAVirtualThreadBridgeOnJava21() {
        runner.withConfiguration(BOOT_JDBC)
                .withPropertyValues(jdbcUrl("bridgeVirtual"), "queryset.bridge.max-threads=3",
                        "queryset.bridge.queue-size=30", "queryset.bridge.virtual-threads=true")
                .run(context -> {
                    AsyncBridge bridge = context.getBean(AsyncBridge.class);
                    assertThat(bridge.maxThreads()).hasValue(3);
                    assertThat(bridge.queuedTasksPerThread()).hasValue(10);
                    assertThat(bridge.syncToAsync(() -> Thread.currentThread().getName()).block())
                            .matches("queryset-bridge-vt-\\d+");
                });
    }

    private static String jdbcUrl(String name) {
        return "spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    private static String r2dbcUrl(String name) {
        return "spring.r2dbc.url=r2dbc:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1";
    }

    private static Manager<Novel> novelManager(Database database) {
        return database.manager(Novel.class);
    }

    /** A bean that needs managers by their generic type. */
    record Library(Manager<Novel> novels, Manager<Shelf> shelves) {
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDatabaseConfiguration {

        @Bean
        Database userDatabase(DataSource dataSource) {
            return Database.builder().dataSource(dataSource).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan("io.queryset.autoconfigure.elsewhere")
    static class EntityScanConfiguration {
    }

    @Configuration(proxyBeanMethods = false)
    static class UserManagerConfiguration {

        @Bean
        Manager<Novel> myNovels(Database database) {
            return database.manager(Novel.class);
        }
    }
}
