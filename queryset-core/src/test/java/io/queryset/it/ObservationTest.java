package io.queryset.it;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.ObjectDoesNotExistException;
import io.queryset.it.models.Tag;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.util.List;
import java.util.stream.Stream;

/** One {@code queryset.query} Observation per terminal call, on every side, with low-cardinality tags. */
@TestModels(Tag.class)
class ObservationTest {

    private static String mode(Fixture fx) {
        return switch (fx.mode()) {
            case BLOCKING -> "blocking";
            case NATIVE -> "native";
            case BRIDGED -> "bridged";
        };
    }

    @DatabaseMatrix
    void eachTerminalCallIsOneObservationTaggedWithModelOperationModeAndOutcome(Fixture fx) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Manager<Tag> tags = fx.builder().observationRegistry(registry).build().manager(Tag.class);

        fx.call(() -> tags.create(new Tag("java")), () -> tags.acreate(new Tag("java")));
        assertThat(fx.count(tags.filter("name", "java"))).isEqualTo(1L);

        assertThat(registry).hasNumberOfObservationsWithNameEqualTo("queryset.query", 2)
                .forAllObservationsWithNameEqualTo("queryset.query", o -> o
                        .hasLowCardinalityKeyValue("queryset.model", "Tag")
                        .hasLowCardinalityKeyValue("queryset.mode", mode(fx))
                        .hasLowCardinalityKeyValue("queryset.database", "default")
                        .hasLowCardinalityKeyValue("db.system", fx.db().dialectName().toLowerCase(java.util.Locale.ROOT))
                        .hasLowCardinalityKeyValue("outcome", "SUCCESS"))
                .hasAnObservationWithAKeyValue("queryset.operation", "create")
                .hasAnObservationWithAKeyValue("queryset.operation", "count");
        assertThat(registry).hasObservationWithNameEqualTo("queryset.query").that()
                .hasContextualNameEqualTo("create Tag");
    }

    @DatabaseMatrix
    void aFailedCallIsAnErrorOutcomeWithItsException(Fixture fx) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Manager<Tag> tags = fx.builder().observationRegistry(registry).build().manager(Tag.class);

        assertThatThrownBy(() -> fx.call(() -> tags.get("name", "none"), () -> tags.aget("name", "none")))
                .isInstanceOf(ObjectDoesNotExistException.class);

        assertThat(registry).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("queryset.operation", "get")
                .hasLowCardinalityKeyValue("outcome", "ERROR")
                .assertThatError().isInstanceOf(ObjectDoesNotExistException.class);
    }

    @DatabaseMatrix(modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void aCancelledStreamIsACancelledOutcome(Fixture fx) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Manager<Tag> tags = fx.builder().observationRegistry(registry).build().manager(Tag.class);
        fx.blocking(Tag.class).bulkCreate(List.of(new Tag("a"), new Tag("b"), new Tag("c")));

        assertThat(fx.awaitAll(tags.aiterator(1).take(1))).hasSize(1);

        assertThat(registry).hasSingleObservationThat()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("queryset.operation", "stream")
                .hasLowCardinalityKeyValue("outcome", "CANCELLED");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aBlockingStreamIsObservedUntilItIsClosed(Fixture fx) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Manager<Tag> tags = fx.builder().observationRegistry(registry).build().manager(Tag.class);
        fx.blocking(Tag.class).create(new Tag("a"));

        try (Stream<Tag> rows = tags.stream(10)) {
            assertThat(rows.count()).isEqualTo(1L);
            assertThat(registry).hasSingleObservationThat().hasBeenStarted().isNotStopped();
        }
        assertThat(registry).hasSingleObservationThat().hasBeenStopped()
                .hasLowCardinalityKeyValue("queryset.operation", "stream");
    }

    @DatabaseMatrix
    void aQueryInsideAnApplicationObservationIsItsChild(Fixture fx) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Database db = fx.builder().observationRegistry(registry).build();
        Manager<Tag> tags = db.manager(Tag.class);
        Observation request = Observation.start("checkout", registry);

        if (fx.mode() == ExecutionMode.BLOCKING) {
            request.scoped(() -> tags.count());
        } else {
            // Reactor code carries the current observation in its Context (what WebFlux's server observation does).
            fx.await(tags.acount().contextWrite(c -> c.put("micrometer.observation", request)));
        }
        request.stop();

        assertThat(registry).hasObservationWithNameEqualTo("queryset.query").that()
                .hasParentObservationEqualTo(request);
        assertThat(registry).hasNumberOfObservationsWithNameEqualTo("queryset.query", 1);
    }
}
