package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.test.fixtures.Note;
import io.queryset.testing.DatabaseKind;
import io.queryset.testing.TestDatabases;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The slice on the local PostgreSQL server ({@code jdbc:postgresql://127.0.0.1:5432/test} and its R2DBC twin, user
 * {@code postgres}, or {@code QUERYSET_TEST_POSTGRES_URL}), in a schema of this JVM's own. Skipped with a message when
 * the server does not answer, except under {@code CI=true}, where that fails the class ({@link LocalPostgresCondition}).
 */
@ExtendWith(LocalPostgresCondition.class)
@QuerySetTest(properties = "queryset.schema.create=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuerySetTestPostgresTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The id of the row {@link #writesARowThatTheTestTransactionThenRollsBack()} wrote, for the test after it. */
    private static @Nullable Long writtenId;

    @Autowired
    private Manager<Note> notes;

    @Autowired
    private Database db;

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void localPostgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.jdbcUrl(DatabaseKind.POSTGRES));
        registry.add("spring.datasource.username", () -> TestDatabases.username(DatabaseKind.POSTGRES));
        registry.add("spring.r2dbc.url", () -> TestDatabases.r2dbcUrl(DatabaseKind.POSTGRES));
        registry.add("spring.r2dbc.username", () -> TestDatabases.username(DatabaseKind.POSTGRES));
        String password = TestDatabases.password(DatabaseKind.POSTGRES);
        if (password != null) {
            registry.add("spring.datasource.password", () -> password);
            registry.add("spring.r2dbc.password", () -> password);
        }
    }

    @Test
    void runsBothSidesOnPostgres() {
        assertThat(db.dialectName()).containsIgnoringCase("postgres");
        assertThat(db.asyncMode()).isEqualTo(AsyncMode.NATIVE);
        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
        assertThat(environment.getProperty("spring.r2dbc.url")).startsWith("r2dbc:postgresql:");
    }

    @Test
    @Order(1)
    void writesARowThatTheTestTransactionThenRollsBack() {
        Note note = notes.create(Note.of("rolled back after this test"));
        writtenId = note.id();
        assertThat(notes.count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void startsTheNextTestWithoutThatRow() {
        Assumptions.assumeTrue(writtenId != null, "runs after writesARowThatTheTestTransactionThenRollsBack");
        assertThat(notes.filter("pk", writtenId).exists()).isFalse();
        assertThat(notes.count()).isZero();
    }

    @Test
    void rollsBackAsyncWritesMadeInsideAatomicWithSetRollbackOnly() {
        Flux<Long> countedInside = db.aatomic(tx -> {
            tx.setRollbackOnly();
            return notes.acreate(Note.of("async")).then(notes.acount());
        });

        StepVerifier.create(countedInside).expectNext(1L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(notes.acount()).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void asyncReadsDoNotSeeTheTestTransactionsUncommittedRows() {
        notes.create(Note.of("written blocking, inside the test transaction"));

        assertThat(notes.count()).isEqualTo(1);
        StepVerifier.create(notes.acount()).expectNext(0L).expectComplete().verify(TIMEOUT);
    }
}
