package io.queryset.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.autoconfigure.fixtures.FixturesPackage;
import io.queryset.autoconfigure.fixtures.Novel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * {@link QuerySetTransactionAutoConfiguration}: with JDBC and R2DBC in one application, an unqualified
 * {@code @Transactional} runs blocking methods under the JDBC manager and reactive ones under the R2DBC manager.
 */
class QuerySetTransactionAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, DataSourceAutoConfiguration.class,
                    QuerySetDataSourceAutoConfiguration.class, QuerySetAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class,
                    QuerySetTransactionAutoConfiguration.class, TransactionAutoConfiguration.class))
            .withUserConfiguration(FixturesPackage.class, Services.class)
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:routing;DB_CLOSE_DELAY=-1",
                    "spring.r2dbc.url=r2dbc:h2:mem:///routing?options=DB_CLOSE_DELAY=-1",
                    "spring.datasource.username=sa", "spring.r2dbc.username=sa", "queryset.schema.create=true");

    @Test
    void anUnqualifiedTransactionalRollsBackOnTheSideOfItsReturnType() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JdbcTransactionManager.class)
                    .hasSingleBean(R2dbcTransactionManager.class);
            NovelService service = context.getBean(NovelService.class);
            Manager<Novel> novels = context.getBean(Database.class).manager(Novel.class);

            assertThatThrownBy(() -> service.createThenFail("Emma")).hasMessage("after the write");
            assertThatThrownBy(() -> service.acreateThenFail("Persuasion").block()).hasMessage("after the write");
            assertThat(novels.count()).as("both writes rolled back").isZero();

            service.create("Emma");
            service.acreate("Persuasion").block();
            assertThat(novels.valuesList(String.class, "title").orderBy("title").list()).containsExactly("Emma", "Persuasion");
        });
    }

    @Test
    void withoutR2dbcAMonoTransactionalRollsBackTheBridgedWrites() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        QuerySetDataSourceAutoConfiguration.class, QuerySetAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, QuerySetTransactionAutoConfiguration.class,
                        TransactionAutoConfiguration.class))
                .withUserConfiguration(FixturesPackage.class, Services.class)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:bridgedRouting;DB_CLOSE_DELAY=-1",
                        "queryset.schema.create=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(R2dbcTransactionManager.class);
                    Database db = context.getBean(Database.class);
                    assertThat(db.asyncMode()).isEqualTo(io.queryset.AsyncMode.BRIDGED);
                    assertThat(context.getBean(org.springframework.transaction.ReactiveTransactionManager.class))
                            .isSameAs(db.reactiveTransactionManager());
                    NovelService service = context.getBean(NovelService.class);
                    Manager<Novel> novels = db.manager(Novel.class);

                    assertThatThrownBy(() -> service.acreateThenFail("Persuasion").block()).hasMessage("after the write");
                    assertThat(novels.count()).as("the bridged write rolled back").isZero();
                    service.acreate("Persuasion").block();
                    assertThat(novels.count()).isEqualTo(1L);
                });
    }

    @Test
    void withRoutingOffAnUnqualifiedTransactionalCannotChooseBetweenTwoManagers() {
        runner.withPropertyValues("queryset.transaction-routing=false").run(context -> {
            NovelService service = context.getBean(NovelService.class);
            assertThatThrownBy(() -> service.create("Emma"))
                    .isInstanceOf(org.springframework.beans.factory.NoUniqueBeanDefinitionException.class);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnManagers() {
        runner.withUserConfiguration(OwnManagers.class).run(context -> assertThat(context).hasNotFailed()
                .getBeanNames(org.springframework.transaction.TransactionManager.class)
                .containsExactlyInAnyOrder("ownJdbc", "ownR2dbc"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        NovelService novelService(Database db) {
            return new NovelService(db.manager(Novel.class));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnManagers {
        @Bean
        JdbcTransactionManager ownJdbc(javax.sql.DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        R2dbcTransactionManager ownR2dbc(io.r2dbc.spi.ConnectionFactory connectionFactory) {
            return new R2dbcTransactionManager(connectionFactory);
        }
    }

    /** A service written as users write them: no transaction manager named. */
    static class NovelService {
        private final Manager<Novel> novels;

        NovelService(Manager<Novel> novels) {
            this.novels = novels;
        }

        @Transactional
        public void createThenFail(String title) {
            novels.create(new Novel(null, title, 100));
            throw new IllegalStateException("after the write");
        }

        @Transactional
        public void create(String title) {
            novels.create(new Novel(null, title, 100));
        }

        @Transactional
        public Mono<Novel> acreateThenFail(String title) {
            return novels.acreate(new Novel(null, title, 100)).then(Mono.error(new IllegalStateException("after the write")));
        }

        @Transactional
        public Mono<Novel> acreate(String title) {
            return novels.acreate(new Novel(null, title, 100));
        }
    }
}
