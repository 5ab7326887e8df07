package io.queryset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;
import org.springframework.core.task.TaskRejectedException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/** The bridge's hop: ThreadLocals and Reactor Context across it, its capacity error, and the asyncToSync rule. */
@Timeout(30) // a guard against a hang, not a timing assertion
class AsyncBridgeTest {

    private static final String TENANT_KEY = "queryset.test.tenant";
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    private final AsyncBridge bridge = AsyncBridge.create(1, 10);

    /**
     * Non-blocking threads of the test's own, stopped after it: Reactor's shared parallel threads, once
     * started here, would sit parked in frames BlockHound never instrumented when a later test installs it.
     */
    private final Scheduler nonBlocking = Schedulers.newParallel("asyncbridge-test-nonblocking", 1);

    @BeforeEach
    void registerThreadLocals() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor("requestId"));
        ContextRegistry.getInstance().registerThreadLocalAccessor(TENANT_KEY, TENANT);
    }

    @AfterEach
    void cleanUp() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(Slf4jThreadLocalAccessor.KEY);
        ContextRegistry.getInstance().removeThreadLocalAccessor(TENANT_KEY);
        MDC.clear();
        bridge.dispose();
        nonBlocking.dispose();
    }

    @Test
    void runsTheWorkOnAThreadNamedQuerysetBridge() {
        assertThat(bridge.syncToAsync(() -> Thread.currentThread().getName()).block())
                .matches("queryset-bridge-\\d+");
    }

    @Test
    void remembersItsLimits() {
        assertThat(bridge.maxThreads()).hasValue(1);
        assertThat(bridge.queuedTasksPerThread()).hasValue(10);
        assertThat(new AsyncBridge(Schedulers.immediate()).maxThreads()).isEmpty();
    }

    @Test
    void completesEmptyWhenTheWorkReturnsNull() {
        assertThat(bridge.syncToAsync(() -> null).blockOptional()).isEmpty();
    }

    @Test
    void setsTheCallersMdcOnTheBridgeThreadAndRemovesItAfterwards() {
        MDC.put("requestId", "r-1");

        String[] worker = new String[1];
        String seen = bridge.syncToAsync(() -> {
            worker[0] = Thread.currentThread().getName();
            return MDC.get("requestId");
        }).block();

        assertThat(seen).isEqualTo("r-1");
        // The same pooled thread (the bridge has one), read outside the bridge's hop.
        assertThat(onBridgeThreadWithoutPropagation(() -> Thread.currentThread().getName())).contains(worker[0]);
        assertThat(onBridgeThreadWithoutPropagation(() -> MDC.get("requestId"))).isEmpty();
    }

    @Test
    void makesTheCallersObservationCurrentInsideTheWork() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);
        Observation checkout = Observation.start("checkout", registry);

        Observation seen;
        try (Observation.Scope scope = checkout.openScope()) {
            seen = bridge.syncToAsync(registry::getCurrentObservation).block();
        } finally {
            checkout.stop();
        }

        assertThat(seen).isSameAs(checkout);
        assertThat(onBridgeThreadWithoutPropagation(registry::getCurrentObservation)).isEmpty();
    }

    @Test
    void carriesAReactorContextEntryToItsRegisteredThreadLocal() {
        String seen = bridge.syncToAsync(TENANT::get).contextWrite(Context.of(TENANT_KEY, "acme")).block();

        assertThat(seen).isEqualTo("acme");
        assertThat(onBridgeThreadWithoutPropagation(TENANT::get)).isEmpty();
    }

    @Test
    void clearsAThreadLocalTheCallerDidNotSetEvenIfTheWorkerThreadHasOne() {
        onBridgeThreadWithoutPropagation(() -> {
            TENANT.set("stale");
            return true;
        });

        assertThat(bridge.syncToAsync(() -> Optional.ofNullable(TENANT.get())).block()).isEmpty();
        // Put back afterwards: the hop leaves the thread as it found it.
        assertThat(onBridgeThreadWithoutPropagation(TENANT::get)).contains("stale");
    }

    @Test
    void failsAtOnceNamingTheLimitsWhenEveryThreadIsBusyAndTheQueueIsFull() throws InterruptedException {
        AsyncBridge small = AsyncBridge.create(1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<String> running = small.syncToAsync(() -> {
                started.countDown();
                release.await();
                return "ran";
            }).toFuture();
            started.await();
            CompletableFuture<String> queued = small.syncToAsync(() -> "queued").toFuture();

            assertThatThrownBy(() -> small.syncToAsync(() -> "rejected").block())
                    .isInstanceOf(TaskRejectedException.class)
                    .hasMessage("The AsyncBridge is at capacity (threads: 1, all busy; queued tasks: 1, 1 per thread), "
                            + "so this task was rejected instead of waiting. Raise queryset.bridge.max-threads or "
                            + "queryset.bridge.queue-size, or hand the bridge less blocking work at a time.")
                    .hasCauseInstanceOf(RejectedExecutionException.class);

            release.countDown();
            assertThat(running.join()).isEqualTo("ran");
            assertThat(queued.join()).isEqualTo("queued");
        } finally {
            release.countDown();
            small.dispose();
        }
    }

    @Test
    void passesOnARejectedExecutionExceptionThrownByTheWorkItself() {
        RejectedExecutionException own = new RejectedExecutionException("the work's own pool is full");

        assertThatThrownBy(() -> bridge.syncToAsync(() -> {
            throw own;
        }).block()).isSameAs(own);
    }

    @Test
    void saysSoWhenTheBridgeHasBeenDisposed() {
        bridge.dispose();

        assertThatThrownBy(() -> bridge.syncToAsync(() -> "late").block())
                .isInstanceOf(TaskRejectedException.class)
                .hasMessageContaining("has been disposed");
    }

    @Test
    void asyncToSyncRefusesToRunOnANonBlockingThread() {
        Throwable refused = Mono.fromCallable(() -> {
            try {
                bridge.asyncToSync(Mono.just(1));
                return new AssertionError("asyncToSync ran on " + Thread.currentThread().getName());
            } catch (SynchronousOnlyOperationException e) {
                return e;
            }
        }).subscribeOn(nonBlocking).block();

        assertThat(refused).isInstanceOf(SynchronousOnlyOperationException.class)
                .hasMessage("You cannot call asyncToSync from a non-blocking thread - return the Mono instead.");
    }

    @Test
    void asyncToSyncCarriesTheCallersMdcIntoTheMono() {
        MDC.put("requestId", "r-2");

        // A pipeline that runs on another thread and restores ThreadLocals from its Reactor Context.
        Mono<String> pipeline = Mono.deferContextual(context -> Mono.fromCallable(() -> {
            try (ContextSnapshot.Scope scope = ContextSnapshotFactory.builder().build().setThreadLocalsFrom(context)) {
                return String.valueOf(MDC.get("requestId"));
            }
        })).subscribeOn(nonBlocking);

        assertThat(bridge.asyncToSync(pipeline)).isEqualTo("r-2");
    }

    /** Runs {@code read} on the bridge's thread the plain Reactor way, with no ThreadLocals carried over. */
    private <T> Optional<T> onBridgeThreadWithoutPropagation(java.util.concurrent.Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(bridge.scheduler()).blockOptional();
    }
}
