package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.test.fixtures.Note;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The {@code properties} attribute reaches the environment before QuerySet is configured. */
@QuerySetTest(properties = {"queryset.schema.create=true", "queryset.async.mode=bridged"})
class QuerySetTestPropertiesTests {

    @Autowired
    private Environment environment;

    @Autowired
    private Database db;

    @Autowired
    private Manager<Note> notes;

    @Test
    void addsThePropertiesToTheEnvironment() {
        assertThat(environment.getProperty("queryset.async.mode")).isEqualTo("bridged");
    }

    @Test
    void configuresQuerySetWithThem() {
        assertThat(db.asyncMode()).isEqualTo(AsyncMode.BRIDGED);
        Flux<Long> counted = db.aatomic(tx -> {
            tx.setRollbackOnly();
            return notes.acreate(Note.of("bridged")).then(notes.acount());
        });
        StepVerifier.create(counted).expectNext(1L).expectComplete().verify(Duration.ofSeconds(30));
        assertThat(notes.count()).isZero();
    }
}
