package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.Database;
import io.queryset.LockOptions;
import io.queryset.Manager;
import io.queryset.Q;
import io.queryset.it.models.Author;
import io.queryset.it.models.Tag;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * {@code db.atomic(...)} and its twin {@code db.aatomic(...)}: Django's {@code transaction.atomic()} on the blocking
 * side, and on the async side in both NATIVE (R2DBC) and BRIDGED (one JDBC connection carried through the pipeline).
 */
@TestModels({Author.class, Tag.class})
class AtomicTest {

    @DatabaseMatrix
    void commitsEverythingWrittenInsideWhenTheWorkCompletes(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        Database db = fx.db();

        Long age = fx.call(
                () -> db.atomic(() -> {
                    authors.create(Author.of("Ann", 30));
                    authors.bulkCreate(List.of(Author.of("Bob", 40)));
                    return authors.filter("name", "Bob").valuesList(Integer.class, "age").get("name", "Bob").longValue();
                }),
                () -> db.aatomic(authors.acreate(Author.of("Ann", 30))
                        .then(authors.abulkCreate(List.of(Author.of("Bob", 40))))
                        .then(authors.filter("name", "Bob").valuesList(Integer.class, "age").aget("name", "Bob"))
                        .map(Integer::longValue)));

        assertThat(age).isEqualTo(40L);
        assertThat(fx.blocking(Author.class).valuesList(String.class, "name").list()).containsExactly("Ann", "Bob");
    }

    @DatabaseMatrix
    void anErrorRollsBackEverythingWrittenInsideAndPropagates(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        fx.blocking(Author.class).create(Author.of("Zed", 50));
        Database db = fx.db();

        assertThatThrownBy(() -> fx.call(
                () -> db.atomic(() -> {
                    authors.create(Author.of("Ann", 30));
                    authors.filter("name", "Zed").update(Map.of("age", 51));
                    assertThat(authors.count()).as("visible inside").isEqualTo(2);
                    throw new IllegalStateException("boom");
                }),
                () -> db.aatomic(authors.acreate(Author.of("Ann", 30))
                        .then(authors.filter("name", "Zed").aupdate(Map.of("age", 51)))
                        .then(authors.acount())
                        .flatMap(n -> n == 2 ? Mono.error(new IllegalStateException("boom"))
                                : Mono.error(new AssertionError("inside: " + n))))))
                .hasMessage("boom");

        assertThat(fx.blocking(Author.class).valuesList(String.class, "name").list()).containsExactly("Zed");
        assertThat(fx.blocking(Author.class).get("name", "Zed").age()).isEqualTo(50);
    }

    @DatabaseMatrix
    void aFailingInnerBlockRollsBackToItsSavepointAndTheOuterBlockGoesOn(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        Database db = fx.db();

        fx.call(
                () -> db.atomic(() -> {
                    authors.create(Author.of("Ann", 30));
                    try {
                        db.atomic(() -> {
                            authors.create(Author.of("Bob", 40));
                            throw new IllegalStateException("inner");
                        });
                    } catch (IllegalStateException expected) {
                        // Django: the inner block is rolled back, the outer one continues.
                    }
                    return authors.create(Author.of("Cid", 50));
                }),
                () -> db.aatomic(authors.acreate(Author.of("Ann", 30))
                        .then(db.aatomic(authors.acreate(Author.of("Bob", 40))
                                        .then(Mono.<Author>error(new IllegalStateException("inner"))))
                                .onErrorResume(IllegalStateException.class, e -> Mono.empty()))
                        .then(authors.acreate(Author.of("Cid", 50)))));

        assertThat(fx.blocking(Author.class).valuesList(String.class, "name").list()).containsExactly("Ann", "Cid");
    }

    @DatabaseMatrix
    void aDatabaseErrorCaughtAroundAnInnerBlockLeavesTheOuterTransactionUsable(Fixture fx) {
        // Django's documented pattern: PostgreSQL aborts the whole transaction on an error unless a savepoint
        // catches it, so the statement that may fail goes in an inner atomic block.
        Manager<Tag> tags = fx.manager(Tag.class);
        fx.blocking(Tag.class).create(new Tag("java"));
        Database db = fx.db();

        Tag kept = fx.call(
                () -> db.atomic(() -> {
                    assertThatThrownBy(() -> db.atomic(() -> tags.create(new Tag("java"))))
                            .isInstanceOf(DataIntegrityViolationException.class);
                    return tags.create(new Tag("kotlin"));
                }),
                () -> db.aatomic(db.aatomic(tags.acreate(new Tag("java")))
                        .onErrorResume(DataIntegrityViolationException.class, e -> Mono.empty())
                        .then(tags.acreate(new Tag("kotlin")))));

        assertThat(kept.name).isEqualTo("kotlin");
        assertThat(fx.blocking(Tag.class).valuesList(String.class, "name").list()).containsExactly("java", "kotlin");
    }

    @DatabaseMatrix
    void getOrCreateFallsBackInsideATransactionWhenItsInsertConflicts(Fixture fx) {
        // The lookup (name + id) misses the existing row, the insert then hits the unique name: Django re-runs
        // the get, which misses again, and raises the integrity error - leaving the enclosing transaction usable.
        Manager<Tag> tags = fx.manager(Tag.class);
        Tag java = fx.blocking(Tag.class).create(new Tag("java"));
        Database db = fx.db();
        Q lookup = Q.of("name", "java").and(Q.of("id", java.id + 1000));

        String after = fx.call(
                () -> db.atomic(() -> {
                    assertThatThrownBy(() -> tags.getOrCreate(lookup, Map.of()))
                            .isInstanceOf(DataIntegrityViolationException.class);
                    return tags.create(new Tag("kotlin")).name;
                }),
                () -> db.aatomic(tags.agetOrCreate(lookup, Map.of())
                        .map(r -> "unexpected " + r)
                        .onErrorResume(DataIntegrityViolationException.class,
                                e -> tags.acreate(new Tag("kotlin")).map(t -> t.name))));

        assertThat(after).isEqualTo("kotlin");
        assertThat(fx.blocking(Tag.class).count()).isEqualTo(2);
    }

    @DatabaseMatrix(modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void setRollbackOnlyRollsBackWithoutAnError(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);

        List<Author> emitted = fx.awaitAll(fx.db().aatomic(tx -> authors.acreate(Author.of("Ann", 30))
                .doOnSuccess(created -> tx.setRollbackOnly())));

        assertThat(emitted).extracting(Author::name).containsExactly("Ann");
        assertThat(fx.blocking(Author.class).count()).isZero();
    }

    @DatabaseMatrix(modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void cancellingTheSubscriptionRollsBack(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        Sinks.One<Boolean> written = Sinks.one();
        Sinks.One<Integer> completion = Sinks.one();

        Mono<Author> work = fx.db().aatomic(afterCompletion(completion)
                .then(authors.acreate(Author.of("Ann", 30)))
                .doOnSuccess(a -> written.tryEmitValue(true))
                .then(Mono.never()));
        Disposable running = fx.scheduled(work).subscribe();
        written.asMono().block(Fixture.TIMEOUT);
        running.dispose();

        assertThat(completion.asMono().block(Fixture.TIMEOUT)).isEqualTo(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(fx.blocking(Author.class).count()).isZero();
        assertThat(fx.count(authors.all())).as("a fresh query after the cancellation").isZero();
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void atomicJoinsAnEnclosingTransactionTemplateAsASavepoint(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        Database db = fx.db();
        TransactionTemplate outer = new TransactionTemplate(new JdbcTransactionManager(fx.dataSource()));

        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            authors.create(Author.of("Ann", 30));
            assertThatThrownBy(() -> db.atomic(() -> {
                authors.create(Author.of("Bob", 40));
                return failWith("inner");
            })).hasMessage("inner");
            db.atomic(() -> authors.create(Author.of("Cid", 50)));
            assertThat(authors.valuesList(String.class, "name").list()).containsExactly("Ann", "Cid");
            throw new IllegalStateException("outer");
        })).hasMessage("outer");

        assertThat(fx.blocking(Author.class).count()).as("the outer rollback undoes the released savepoints too").isZero();
    }

    @DatabaseMatrix(modes = ExecutionMode.NATIVE)
    void aatomicJoinsAnEnclosingTransactionalOperatorAsASavepoint(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        Database db = fx.db();
        TransactionalOperator outer = TransactionalOperator.create(new R2dbcTransactionManager(fx.connectionFactory()));

        fx.await(outer.transactional(authors.acreate(Author.of("Ann", 30))
                .then(db.aatomic(authors.acreate(Author.of("Bob", 40)).then(Mono.error(new IllegalStateException("inner"))))
                        .onErrorResume(IllegalStateException.class, e -> Mono.empty()))
                .then(db.aatomic(authors.acreate(Author.of("Cid", 50))))));

        assertThat(fx.blocking(Author.class).valuesList(String.class, "name").list()).containsExactly("Ann", "Cid");
    }

    @DatabaseMatrix
    void aRowLockTakenInsideIsHeldUntilTheBlockEnds(Fixture fx) {
        Manager<Tag> tags = fx.manager(Tag.class);
        fx.blocking(Tag.class).create(new Tag("java"));
        Database db = fx.db();
        Database other = Database.builder().dataSource(fx.dataSource()).build();
        // Another connection, from a blocking-friendly thread: the async pipelines run on non-blocking threads.
        Mono<Boolean> lockedElsewhere = Mono.fromCallable(() -> {
            try {
                new TransactionTemplate(new JdbcTransactionManager(fx.dataSource())).executeWithoutResult(status ->
                        other.manager(Tag.class).filter("name", "java").selectForUpdate(LockOptions.defaults().nowait()).list());
                return false;
            } catch (RuntimeException lockNotAvailable) {
                return true;
            }
        }).subscribeOn(Schedulers.boundedElastic());

        Boolean held = fx.call(
                () -> db.atomic(() -> {
                    tags.filter("name", "java").selectForUpdate().list();
                    return lockedElsewhere.block();
                }),
                () -> db.aatomic(tags.filter("name", "java").selectForUpdate().alist().then(lockedElsewhere)));

        assertThat(held).as("locked while the block ran").isTrue();
        assertThat(lockedElsewhere.block()).as("released when it ended").isFalse();
    }

    @DatabaseMatrix(modes = ExecutionMode.NATIVE)
    void blockingAtomicNeedsADataSource(Fixture fx) {
        assertThatThrownBy(() -> fx.db().atomic(() -> 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DataSource");
    }

    private static Mono<Void> afterCompletion(Sinks.One<Integer> completion) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCompletion(int status) {
                        completion.tryEmitValue(status);
                        return Mono.empty();
                    }
                }))
                .then();
    }

    private static <T> T failWith(String message) {
        throw new IllegalStateException(message);
    }
}
