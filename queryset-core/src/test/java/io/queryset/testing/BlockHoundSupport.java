package io.queryset.testing;

import java.util.ArrayList;
import java.util.List;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Installs BlockHound once per test JVM and records every blocking call it catches on a non-blocking
 * thread (Reactor's parallel and single schedulers, Netty event loops).
 *
 * <p>The error BlockHound throws may be swallowed by a driver or a pool; recording every violation lets
 * the database matrix fail the test that caused it even then ({@link #drainViolations()} after each test).
 *
 * <p>{@link #uncheckedNonBlocking()} is a scheduler whose threads are Reactor {@code NonBlocking} threads
 * (so the library's blocking guard sees them as an event loop) but which BlockHound leaves alone: it lets
 * a test switch the guard to {@code WARN} or {@code OFF} and watch the blocking call go through.
 */
public final class BlockHoundSupport {

    /** Name prefix of the threads BlockHound does not watch. */
    public static final String UNCHECKED_THREAD_PREFIX = "qs-unchecked-nonblocking";

    private static final List<String> VIOLATIONS = new ArrayList<>();
    private static volatile boolean installed;
    private static volatile Scheduler unchecked;

    private BlockHoundSupport() {
    }

    /** Installs BlockHound with Reactor's and Netty's integrations, once. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        BlockHound.builder()
                .loadIntegrations(new TestIntegration())
                .install();
        installed = true;
    }

    /** The blocking calls caught since the last call, and forgets them. */
    public static List<String> drainViolations() {
        synchronized (VIOLATIONS) {
            List<String> out = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return out;
        }
    }

    /** A two-thread scheduler of Reactor {@code NonBlocking} threads that BlockHound does not watch. */
    public static synchronized Scheduler uncheckedNonBlocking() {
        if (unchecked == null) {
            unchecked = Schedulers.newParallel(UNCHECKED_THREAD_PREFIX, 2, true);
        }
        return unchecked;
    }

    /** Applied after the built-in integrations (highest priority value), so it refines their predicates. */
    private static final class TestIntegration implements BlockHoundIntegration {

        @Override
        public void applyTo(BlockHound.Builder builder) {
            builder.nonBlockingThreadPredicate(current ->
                    current.and(t -> !t.getName().startsWith(UNCHECKED_THREAD_PREFIX)));
            // Netty 4.2's AdaptivePoolingAllocator takes a StampedLock when event loops contend for its magazines:
            // a short critical section, not blocking I/O, which Netty's own integration does not list yet.
            builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
            builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
            // r2dbc-mariadb 1.4 looks its authentication plugins up with ServiceLoader (reading jar manifests) during the
            // handshake of every new connection, on the event loop: the driver's connection set-up, not a statement.
            builder.allowBlockingCallsInside("org.mariadb.r2dbc.authentication.AuthenticationFlowPluginLoader", "get");
            builder.blockingMethodCallback(BlockHoundSupport::record);
        }

        @Override
        public int getPriority() {
            return Integer.MAX_VALUE;
        }
    }

    private static void record(BlockingMethod method) {
        if (isDriverQueueLock()) {
            return;
        }
        BlockingOperationError error = new BlockingOperationError(method);
        synchronized (VIOLATIONS) {
            VIOLATIONS.add(method + " on thread " + Thread.currentThread().getName() + "\n"
                    + stackOf(error));
        }
        throw error;
    }

    /**
     * Whether the call is r2dbc-mariadb's connection taking the ReentrantLock that guards its in-memory queue of pending
     * exchanges (SimpleClient.sendCommand and its event-loop drain): a few field updates, contended only when a statement
     * is sent while the event loop is draining the previous response. The lock spins, then parks; both are allowed, like
     * Netty's allocator lock above. Failing there would also break the driver's connection (the error is thrown inside
     * it), and every later statement on it would hang. Any other wait, on that lock's behalf or not, is a violation.
     */
    private static boolean isDriverQueueLock() {
        List<String> classes = StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(c -> !c.startsWith("reactor.blockhound.") && !c.startsWith("io.queryset.testing."))
                .limit(16).toList());
        int i = 0;
        while (i < classes.size() && isWaitingInsideALock(classes.get(i))) {
            i++;
        }
        if (i == 0 || i == classes.size() || !classes.get(i - 1).startsWith("java.util.concurrent.locks.ReentrantLock")) {
            return false;
        }
        return classes.get(i).startsWith("org.mariadb.r2dbc.client.SimpleClient");
    }

    private static boolean isWaitingInsideALock(String className) {
        return className.equals("java.lang.Thread") || className.equals("jdk.internal.misc.Unsafe")
                || className.equals("java.util.concurrent.locks.LockSupport")
                || className.startsWith("java.util.concurrent.locks.AbstractQueuedSynchronizer")
                || className.startsWith("java.util.concurrent.locks.ReentrantLock");
    }

    private static String stackOf(Throwable t) {
        StringBuilder out = new StringBuilder();
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 40); i++) {
            out.append("\tat ").append(stack[i]).append('\n');
        }
        return out.toString();
    }
}
