package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.AsyncBridge;
import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.it.models.Author;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.core.task.TaskRejectedException;
import reactor.core.publisher.Mono;

/** A BRIDGED a-method on a full bridge fails at once with the bridge's capacity error instead of waiting. */
@TestModels(Author.class)
class BridgedCapacityTest {

    @DatabaseMatrix(modes = ExecutionMode.BRIDGED)
    void anAMethodOnAFullBridgeFailsAtOnceNamingTheProperties(Fixture fx) throws Exception {
        AsyncBridge bridge = AsyncBridge.create(1, 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try {
            Database db = Database.builder().dataSource(fx.dataSource()).asyncMode(AsyncMode.BRIDGED).bridge(bridge).build();
            Manager<Author> authors = db.manager(Author.class);
            Mono<Boolean> busy = bridge.syncToAsync(() -> {
                running.countDown();
                return release.await(Fixture.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            });
            busy.subscribe();
            running.await(Fixture.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Mono<Long> queued = authors.acount().cache();
            queued.subscribe(); // waits in the bridge's only queue slot

            assertThatThrownBy(() -> authors.acount().block(Fixture.TIMEOUT))
                    .isInstanceOf(TaskRejectedException.class)
                    .hasMessageContaining("queryset.bridge.max-threads");
            assertThatThrownBy(() -> authors.aiterator().blockLast(Fixture.TIMEOUT))
                    .isInstanceOf(TaskRejectedException.class);

            release.countDown();
            assertThat(queued.block(Fixture.TIMEOUT)).as("the queued call still runs").isZero();
        } finally {
            release.countDown();
            bridge.dispose();
        }
    }
}
