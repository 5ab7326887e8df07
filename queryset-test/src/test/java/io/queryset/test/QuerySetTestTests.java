package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.test.fixtures.Note;
import io.queryset.test.fixtures.NoteController;
import io.queryset.test.fixtures.NoteListener;
import io.queryset.test.fixtures.NoteManager;
import io.queryset.test.fixtures.NoteService;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.context.transaction.TestTransaction;

/** The slice on its defaults: one in-memory H2 for both sides, the managers, nothing else, a rollback per test. */
@QuerySetTest(properties = "queryset.schema.create=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuerySetTestTests {

    /** The id of the row {@link #writesARowThatTheTestTransactionThenRollsBack()} wrote, for the test after it. */
    private static @Nullable Long writtenId;

    @Autowired
    private Manager<Note> notes;

    @Autowired
    private Database db;

    @Autowired
    private ApplicationContext context;

    @Test
    void injectsTheManagerOfEachModelInTheApplicationsPackages() {
        assertThat(context.getBeansOfType(Manager.class).values()).containsExactly(notes);
    }

    @Test
    void registersTheApplicationsManagerInterfaceAsTheModelsManager() {
        NoteManager noteManager = context.getBean(NoteManager.class);
        assertThat(noteManager).isSameAs(notes);
        notes.create(Note.of("Spring in Paris"));
        assertThat(noteManager.mentioning("spring").count()).isEqualTo(1);
    }

    @Test
    void startsOneInMemoryH2SharedByJdbcAndR2dbc() {
        assertThat(context.getBeansOfType(DataSource.class)).hasSize(1);
        assertThat(context.getBean(ConnectionFactory.class).getMetadata().getName()).isEqualTo("H2");
        assertThat(db.dialectName()).containsIgnoringCase("h2");
        assertThat(db.asyncMode()).isEqualTo(AsyncMode.NATIVE);
        assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:queryset-");
    }

    @Test
    void leavesOutTheApplicationsOtherComponents() {
        assertThat(context.getBeanNamesForType(NoteService.class)).isEmpty();
        assertThat(context.getBeanNamesForType(NoteController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(NoteListener.class)).isEmpty();
        assertThat(context.containsBean("noteBuffer")).as("a bean of a scanned @Configuration").isFalse();
    }

    @Test
    // Quoted: QuerySet creates lower-case quoted names, and H2 folds unquoted ones to upper case.
    @Sql(statements = "INSERT INTO \"note\" (\"text\") VALUES ('seeded by @Sql')")
    void seesRowsThatSqlInsertedInsideTheTestTransaction() {
        assertThat(notes.get("text", "seeded by @Sql").id()).isNotNull();
        // Not committed: the R2DBC side, on another connection, does not see it.
        assertThat(notes.filter("text", "seeded by @Sql").aexists().block(Duration.ofSeconds(30))).isFalse();
    }

    @Test
    @Order(1)
    void writesARowThatTheTestTransactionThenRollsBack() {
        assertThat(TestTransaction.isActive()).isTrue();
        assertThat(TestTransaction.isFlaggedForRollback()).isTrue();
        Note note = notes.create(Note.of("rolled back after this test"));
        writtenId = note.id();
        assertThat(notes.filter("pk", writtenId).exists()).isTrue();
        assertThat(notes.count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void startsTheNextTestWithoutThatRow() {
        Assumptions.assumeTrue(writtenId != null, "runs after writesARowThatTheTestTransactionThenRollsBack");
        assertThat(notes.filter("pk", writtenId).exists()).isFalse();
        assertThat(notes.count()).isZero();
    }
}
