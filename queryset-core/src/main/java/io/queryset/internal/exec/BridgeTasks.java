package io.queryset.internal.exec;

import io.queryset.AsyncBridge;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.core.task.TaskRejectedException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.util.context.ContextView;

/**
 * One hop of blocking work onto an {@link AsyncBridge}: the caller's ThreadLocals go along (see
 * {@link ThreadLocalPropagation}), and a full bridge fails the task at once with an error that says so.
 */
public final class BridgeTasks {

    private BridgeTasks() {
    }

    /**
     * A Mono that, when subscribed, runs {@code work} on the bridge's scheduler. The subscribing thread's
     * registered ThreadLocals are captured into the Reactor Context ({@code contextCapture()}) and set on
     * the bridge thread while {@code work} runs, then removed. A {@code null} result completes the Mono
     * empty. If the scheduler rejects the task (every thread busy and every queue full, or the bridge
     * disposed) the Mono fails at once with {@link #rejected}'s exception; an exception thrown by
     * {@code work} itself is passed on unchanged, even a {@link RejectedExecutionException}.
     */
    public static <T> Mono<T> call(AsyncBridge bridge, Callable<T> work) {
        return Mono.<T>create(sink -> schedule(bridge, work, sink)).contextCapture();
    }

    /**
     * The error for a task the bridge's scheduler refused: a {@link TaskRejectedException} whose message
     * names the bridge's limits and the properties that raise them, with {@code cause} kept as its cause.
     * Also fits Reactor's own wrapping of a rejection (from {@code subscribeOn}).
     */
    public static TaskRejectedException rejected(AsyncBridge bridge, RejectedExecutionException cause) {
        if (bridge.scheduler().isDisposed()) {
            return new TaskRejectedException("The AsyncBridge has been disposed (is the application shutting down?) "
                    + "and runs no more tasks.", cause);
        }
        return new TaskRejectedException(capacityMessage(bridge.maxThreads(), bridge.queuedTasksPerThread()), cause);
    }

    static String capacityMessage(OptionalInt maxThreads, OptionalInt queuedPerThread) {
        String limits = maxThreads.isPresent() && queuedPerThread.isPresent()
                ? " (threads: " + maxThreads.getAsInt() + ", all busy; queued tasks: "
                        + (long) maxThreads.getAsInt() * queuedPerThread.getAsInt() + ", "
                        + queuedPerThread.getAsInt() + " per thread)"
                : "";
        return "The AsyncBridge is at capacity" + limits + ", so this task was rejected instead of waiting. "
                + "Raise queryset.bridge.max-threads or queryset.bridge.queue-size, or hand the bridge less "
                + "blocking work at a time.";
    }

    private static <T> void schedule(AsyncBridge bridge, Callable<T> work, MonoSink<T> sink) {
        ContextView context = sink.contextView();
        Disposable task;
        try {
            task = bridge.scheduler().schedule(() -> run(work, context, sink));
        } catch (RejectedExecutionException e) {
            sink.error(rejected(bridge, e));
            return;
        }
        sink.onCancel(task);
    }

    private static <T> void run(Callable<T> work, ContextView context, MonoSink<T> sink) {
        T value;
        try {
            value = ThreadLocalPropagation.callWithin(context, work);
        } catch (Throwable e) { // Errors too: a subscriber left without a signal would wait forever
            sink.error(e);
            return;
        }
        sink.success(value);
    }
}
