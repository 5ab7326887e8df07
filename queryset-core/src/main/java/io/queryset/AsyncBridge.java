package io.queryset;

import io.queryset.internal.exec.BridgeTasks;
import io.queryset.internal.exec.VirtualThreads;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Moves blocking work off non-blocking threads and back: Django's {@code sync_to_async} and
 * {@code async_to_sync}. Runs on a dedicated bounded elastic scheduler, which is also where
 * {@link AsyncMode#BRIDGED} runs every {@code a}-method.
 *
 * <p>With io.micrometer:context-propagation on the class path, the ThreadLocals registered with its
 * {@code ContextRegistry} (the current Micrometer Observation, MDC once an {@code Slf4jThreadLocalAccessor}
 * is registered, and any the application registers) follow the work onto the bridge thread, and entries
 * of the Reactor Context reach those ThreadLocals there.
 */
public final class AsyncBridge {

    private static final int TTL_SECONDS = 60;

    private final Scheduler scheduler;
    private final OptionalInt maxThreads;
    private final OptionalInt queuedTasksPerThread;

    /** A bridge over an existing scheduler, whose limits it does not know. */
    public AsyncBridge(Scheduler scheduler) {
        this(scheduler, OptionalInt.empty(), OptionalInt.empty());
    }

    private AsyncBridge(Scheduler scheduler, OptionalInt maxThreads, OptionalInt queuedTasksPerThread) {
        this.scheduler = scheduler;
        this.maxThreads = maxThreads;
        this.queuedTasksPerThread = queuedTasksPerThread;
    }

    /**
     * A bridge on a new bounded elastic scheduler of platform (daemon) threads named {@code queryset-bridge-N}.
     *
     * @param maxThreads the thread cap
     * @param queuedTasksPerThread tasks that may wait per thread before submissions are rejected
     */
    public static AsyncBridge create(int maxThreads, int queuedTasksPerThread) {
        Scheduler scheduler = Schedulers.newBoundedElastic(
                maxThreads, queuedTasksPerThread, "queryset-bridge", TTL_SECONDS, true);
        return new AsyncBridge(scheduler, OptionalInt.of(maxThreads), OptionalInt.of(queuedTasksPerThread));
    }

    /**
     * A bridge on a new bounded elastic scheduler of virtual threads named {@code queryset-bridge-vt-N}:
     * blocking work then holds no platform thread while it waits. Same limits as {@link #create}.
     *
     * @param maxThreads the cap on threads running at once
     * @param queuedTasksPerThread tasks that may wait per thread before submissions are rejected
     * @throws IllegalStateException on a JVM older than Java 21, which has no virtual threads
     */
    public static AsyncBridge createVirtual(int maxThreads, int queuedTasksPerThread) {
        Scheduler scheduler = Schedulers.newBoundedElastic(
                maxThreads, queuedTasksPerThread, VirtualThreads.factory("queryset-bridge-vt-"), TTL_SECONDS);
        return new AsyncBridge(scheduler, OptionalInt.of(maxThreads), OptionalInt.of(queuedTasksPerThread));
    }

    /** A bridge with Django-like defaults: 10 threads per core, 100,000 queued tasks in all. */
    public static AsyncBridge createDefault() {
        int threads = 10 * Runtime.getRuntime().availableProcessors();
        return create(threads, Math.max(1, 100_000 / threads));
    }

    /** The scheduler blocking work runs on. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The thread cap, or empty for a bridge built over an existing scheduler. */
    public OptionalInt maxThreads() {
        return maxThreads;
    }

    /** How many tasks may wait per thread, or empty for a bridge built over an existing scheduler. */
    public OptionalInt queuedTasksPerThread() {
        return queuedTasksPerThread;
    }

    /**
     * Runs {@code work} (e.g. a {@code @Transactional} service method) on the bridge when subscribed, with
     * the subscriber's ThreadLocals and Reactor Context (see the class description). A {@code null} result
     * completes the Mono empty.
     *
     * <p>When every bridge thread is busy and every queue is full, the Mono fails at once with a
     * {@link org.springframework.core.task.TaskRejectedException} naming the limits, rather than waiting.
     */
    public <T> Mono<T> syncToAsync(Callable<T> work) {
        return BridgeTasks.call(this, work);
    }

    /**
     * Waits for {@code mono} on the calling thread. The calling thread's registered ThreadLocals (such as
     * MDC) are captured into the Reactor Context at subscription, so the async pipeline sees them too.
     *
     * @throws SynchronousOnlyOperationException on a non-blocking thread, where waiting would stall the event loop
     */
    public <T> T asyncToSync(Mono<T> mono) {
        if (Schedulers.isInNonBlockingThread()) {
            throw new SynchronousOnlyOperationException(
                    "You cannot call asyncToSync from a non-blocking thread - return the Mono instead.");
        }
        return mono.contextCapture().block(); // asyncToSync blocks by contract, and only off the event loop
    }

    /** Stops the scheduler's threads. */
    public void dispose() {
        scheduler.dispose();
    }
}
