package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncBridge;
import io.queryset.CreateResult;
import io.queryset.Manager;
import io.queryset.Q;
import io.queryset.it.models.Tag;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Django's race-safe writes: 32 callers racing {@code getOrCreate}/{@code updateOrCreate} on one unique key create
 * exactly one row; the losers' inserts fail on the unique constraint and fall back to the get. The async side races
 * its {@code a}-twins; the blocking side races the blocking methods on 32 bridge threads.
 */
@TestModels(Tag.class)
class ConcurrentWritesTest {

    private static final int CALLERS = 32;

    @DatabaseMatrix
    void racingGetOrCreateCreatesExactlyOneRow(Fixture fx) {
        Manager<Tag> tags = fx.manager(Tag.class);
        Q lookup = Q.of("name", "java");

        List<CreateResult<Tag>> results = race(fx, i -> tags.getOrCreate(lookup, Map.of()),
                i -> tags.agetOrCreate(lookup, Map.of()));

        assertThat(results).hasSize(CALLERS);
        assertThat(results).filteredOn(CreateResult::created).hasSize(1);
        assertThat(results).extracting(r -> r.object().id).containsOnly(results.get(0).object().id);
        assertThat(fx.blocking(Tag.class).count()).isEqualTo(1);
    }

    @DatabaseMatrix
    void racingUpdateOrCreateCreatesOneRowAndAppliesEveryUpdate(Fixture fx) {
        Manager<Tag> tags = fx.manager(Tag.class);
        Q lookup = Q.of("name", "java");

        List<CreateResult<Tag>> results = race(fx, i -> tags.updateOrCreate(lookup, Map.of("name", "java")),
                i -> tags.aupdateOrCreate(lookup, Map.of("name", "java")));

        assertThat(results).filteredOn(CreateResult::created).hasSize(1);
        assertThat(results).filteredOn(r -> !r.created()).hasSize(CALLERS - 1);
        assertThat(fx.blocking(Tag.class).valuesList(String.class, "name").list()).containsExactly("java");
    }

    /** Starts all callers at once: the a-twin in async modes, the blocking method on bridge threads otherwise. */
    private static List<CreateResult<Tag>> race(Fixture fx, Function<Integer, CreateResult<Tag>> blocking,
                                                Function<Integer, Mono<CreateResult<Tag>>> async) {
        if (fx.mode() == ExecutionMode.BLOCKING) {
            AsyncBridge bridge = AsyncBridge.create(CALLERS, 1);
            try {
                return Flux.range(0, CALLERS)
                        .flatMap(i -> bridge.syncToAsync(() -> blocking.apply(i)), CALLERS)
                        .collectList().block(Fixture.TIMEOUT);
            } finally {
                bridge.dispose();
            }
        }
        return fx.awaitAll(Flux.range(0, CALLERS).flatMap(async::apply, CALLERS));
    }
}
