package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.test.fixtures.Note;
import io.queryset.test.fixtures.NoteCountController;
import io.queryset.test.fixtures.NoteService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code @AutoConfigureQuerySet} on another slice: a {@code @WebFluxTest} of one controller, answered by the real
 * managers on the in-memory database instead of mocks. No test transaction here: the test removes its rows.
 */
@WebFluxTest(NoteCountController.class)
@AutoConfigureQuerySet
@TestPropertySource(properties = "queryset.schema.create=true")
class AutoConfigureQuerySetWebFluxTests {

    @Autowired
    private WebTestClient client;

    @Autowired
    private Manager<Note> notes;

    @Autowired
    private ApplicationContext context;

    @AfterEach
    void removeTheNotes() {
        notes.delete();
    }

    @Test
    void answersTheControllerFromTheRealDatabase() {
        notes.bulkCreate(List.of(Note.of("red"), Note.of("reddish"), Note.of("blue")));

        client.get().uri("/notes/count?word=red").exchange()
                .expectStatus().isOk()
                .expectBody(Long.class).isEqualTo(2L);
    }

    @Test
    void addsQuerySetAndNotTheRestOfTheApplication() {
        assertThat(context.getBeanNamesForType(Database.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(NoteService.class)).isEmpty();
    }
}
