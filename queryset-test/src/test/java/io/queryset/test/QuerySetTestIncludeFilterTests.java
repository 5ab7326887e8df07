package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.test.fixtures.Note;
import io.queryset.test.fixtures.NoteController;
import io.queryset.test.fixtures.NoteService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** An include filter brings the service under test into the slice, and only it. */
@QuerySetTest(properties = "queryset.schema.create=true",
        includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NoteService.class))
class QuerySetTestIncludeFilterTests {

    @Autowired
    private NoteService service;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private Database db;

    @Autowired
    private Manager<Note> notes;

    @Test
    void addsTheIncludedServiceWithTheManagerItNeeds() {
        service.write("Spring in the Alps");
        service.write("autumn");
        assertThat(service.mentioning("SPRING")).isEqualTo(1);
    }

    @Test
    void rollsBackTheServicesTransactionalMonoWithTheRollbackOnlyPipelineAroundIt() {
        Flux<Long> countedInside = db.aatomic(tx -> {
            tx.setRollbackOnly();
            return service.awrite("joins the caller's transaction").then(notes.acount());
        });

        StepVerifier.create(countedInside).expectNext(1L).expectComplete().verify(Duration.ofSeconds(30));
        StepVerifier.create(notes.acount()).expectNext(0L).expectComplete().verify(Duration.ofSeconds(30));
    }

    @Test
    void stillLeavesOutWhatTheFilterDoesNotName() {
        assertThat(context.getBeanNamesForType(NoteController.class)).isEmpty();
    }
}
