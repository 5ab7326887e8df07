package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.it.models.Author;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring's declarative {@code @Transactional}, without Spring Boot: blocking methods under a JDBC transaction
 * manager, methods returning {@code Mono}/{@code Flux} under an R2DBC one, both on the Database's own pools.
 * (Choosing the manager by return type without qualifiers is the starter's job.)
 */
@TestModels(Author.class)
class TransactionalAnnotationTest {

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aBlockingTransactionalMethodRollsBackOnException(Fixture fx) {
        try (AnnotationConfigApplicationContext spring = context(fx)) {
            AuthorService service = spring.getBean(AuthorService.class);

            assertThatThrownBy(() -> service.createBothThenFail(Author.of("Ann", 30), Author.of("Bob", 40)))
                    .hasMessage("after two writes");
            assertThat(fx.blocking(Author.class).count()).isZero();

            service.createAndAge(Author.of("Ann", 30));
            assertThat(fx.blocking(Author.class).get("name", "Ann").age()).isEqualTo(31);
        }
    }

    @DatabaseMatrix(modes = ExecutionMode.NATIVE)
    void aReactiveTransactionalMethodRollsBackOnAnErrorSignal(Fixture fx) {
        try (AnnotationConfigApplicationContext spring = context(fx)) {
            AuthorService service = spring.getBean(AuthorService.class);

            assertThatThrownBy(() -> fx.await(service.acreateBothThenFail(Author.of("Ann", 30), Author.of("Bob", 40))))
                    .hasMessage("after two writes");
            assertThat(fx.blocking(Author.class).count()).isZero();

            assertThat(fx.awaitAll(service.acreateAndList(Author.of("Ann", 30), Author.of("Bob", 40))))
                    .extracting(Author::name).containsExactly("Ann", "Bob");
            assertThat(fx.blocking(Author.class).count()).isEqualTo(2);
        }
    }

    private static AnnotationConfigApplicationContext context(Fixture fx) {
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
        spring.registerBean(Database.class, fx::db);
        spring.registerBean("jdbcTransactions", JdbcTransactionManager.class, () -> new JdbcTransactionManager(fx.dataSource()));
        spring.registerBean("r2dbcTransactions", R2dbcTransactionManager.class,
                () -> new R2dbcTransactionManager(fx.connectionFactory()));
        spring.register(TransactionConfig.class, AuthorService.class);
        spring.refresh();
        return spring;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class TransactionConfig {
    }

    /** An application service written as a Spring user would. */
    static class AuthorService {
        private final Manager<Author> authors;

        AuthorService(Database db) {
            this.authors = db.manager(Author.class);
        }

        @Transactional("jdbcTransactions")
        public void createBothThenFail(Author first, Author second) {
            authors.create(first);
            authors.bulkCreate(List.of(second));
            throw new IllegalStateException("after two writes");
        }

        @Transactional("jdbcTransactions")
        public void createAndAge(Author author) {
            Author created = authors.create(author);
            authors.filter("pk", created.id()).update(Map.of("age", created.age() + 1));
        }

        @Transactional("r2dbcTransactions")
        public Mono<Void> acreateBothThenFail(Author first, Author second) {
            return authors.acreate(first)
                    .then(authors.abulkCreate(List.of(second)))
                    .then(Mono.error(new IllegalStateException("after two writes")));
        }

        @Transactional("r2dbcTransactions")
        public Flux<Author> acreateAndList(Author first, Author second) {
            return authors.acreate(first).then(authors.acreate(second)).thenMany(authors.aiterator());
        }
    }
}
