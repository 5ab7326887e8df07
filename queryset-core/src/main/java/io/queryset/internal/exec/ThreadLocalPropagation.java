package io.queryset.internal.exec;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.Callable;
import org.springframework.util.ClassUtils;
import reactor.util.context.ContextView;

/**
 * Carries the caller's ThreadLocals (MDC, Micrometer's current Observation, anything registered with
 * context-propagation) onto the thread that runs blocking work for it, through the Reactor Context.
 *
 * <p>The capture half is Reactor's {@code contextCapture()}; this class is the restore half. Both use
 * the global {@code ContextRegistry}. io.micrometer:context-propagation is optional: without it on the
 * class path every method here is a plain call.
 */
public final class ThreadLocalPropagation {

    private static final boolean PRESENT = ClassUtils.isPresent(
            "io.micrometer.context.ContextSnapshotFactory", ThreadLocalPropagation.class.getClassLoader());

    private ThreadLocalPropagation() {
    }

    /** Whether io.micrometer:context-propagation is on the class path, so ThreadLocals can follow the work. */
    public static boolean isAvailable() {
        return PRESENT;
    }

    /**
     * Calls {@code work} on the current thread with every ThreadLocal registered in context-propagation's
     * global {@code ContextRegistry} set from {@code context}: those {@code context} holds a value for get
     * that value, the others are cleared. When {@code work} returns or throws, each of them is put back to
     * what it was on this thread before, so nothing is left behind on a pooled thread. Without
     * context-propagation on the class path this is just {@code work.call()}.
     *
     * @param context the Reactor context of the subscriber the work runs for (filled by
     *                {@code contextCapture()} and {@code contextWrite})
     * @return what {@code work} returns
     * @throws Exception what {@code work} throws, unchanged
     */
    public static <T> T callWithin(ContextView context, Callable<T> work) throws Exception {
        return PRESENT ? Restorer.callWithin(context, work) : work.call();
    }

    /** Holds the context-propagation types, so that they are loaded only when the library is present. */
    private static final class Restorer {

        /** Clears what the context lacks: a value left on a pooled thread must not leak into the work. */
        private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder()
                .contextRegistry(ContextRegistry.getInstance())
                .clearMissing(true)
                .build();

        static <T> T callWithin(ContextView context, Callable<T> work) throws Exception {
            try (ContextSnapshot.Scope restored = SNAPSHOTS.setThreadLocalsFrom(context)) {
                return work.call();
            }
        }
    }
}
