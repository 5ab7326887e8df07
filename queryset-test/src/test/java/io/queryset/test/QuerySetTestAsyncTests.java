package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.test.fixtures.Note;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The {@code a}-methods in the slice: they run on R2DBC, outside the test's JDBC transaction, so a test rolls back
 * their writes itself ({@code db.aatomic} or a {@code TransactionalOperator} with {@code setRollbackOnly()}).
 */
@QuerySetTest(properties = "queryset.schema.create=true")
class QuerySetTestAsyncTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    private Manager<Note> notes;

    @Autowired
    private Database db;

    @Autowired
    private ReactiveTransactionManager reactiveTransactions;

    @Test
    void rollsBackAsyncWritesMadeInsideAatomicWithSetRollbackOnly() {
        Flux<Long> countedInside = db.aatomic(tx -> {
            tx.setRollbackOnly();
            return notes.acreate(Note.of("one")).then(notes.acreate(Note.of("two"))).then(notes.acount());
        });

        StepVerifier.create(countedInside).expectNext(2L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(notes.acount()).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void rollsBackAsyncWritesMadeThroughATransactionalOperator() {
        TransactionalOperator rollingBack = TransactionalOperator.create(reactiveTransactions);
        Flux<Boolean> existsInside = rollingBack.execute(tx -> {
            tx.setRollbackOnly();
            return notes.acreate(Note.of("three")).flatMap(note -> notes.filter("pk", note.id()).aexists());
        });

        StepVerifier.create(existsInside).expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(notes.aexists()).expectNext(false).expectComplete().verify(TIMEOUT);
    }

    @Test
    void asyncReadsDoNotSeeTheTestTransactionsUncommittedRows() {
        notes.create(Note.of("written blocking, inside the test transaction"));

        assertThat(notes.count()).isEqualTo(1);
        StepVerifier.create(notes.acount()).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void runsWithoutTheTestTransactionWhenTheTestSaysSo() {
        Mono<Long> writtenThenCounted = notes.acreate(Note.of("committed"))
                .flatMap(note -> notes.acount().flatMap(count -> notes.filter("pk", note.id()).adelete().thenReturn(count)));

        StepVerifier.create(writtenThenCounted).expectNext(1L).expectComplete().verify(TIMEOUT);
        assertThat(notes.count()).as("the test deleted its own row").isZero();
    }
}
