package io.queryset.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.jspecify.annotations.Nullable;

/**
 * Heap use over one measured pass, two ways:
 * <ul>
 *   <li><b>peak</b>: the sum of the heap pools' peak usage ({@link MemoryPoolMXBean#resetPeakUsage()} at the start).
 *       Each pool peaks at its own moment, so the sum is an upper bound; it counts garbage that no collection has
 *       reclaimed yet, so with G1 it mostly shows how large G1 let the young generation grow;</li>
 *   <li><b>live</b>: the largest heap use right after a collection during the pass, from the collectors'
 *       notifications: what the pass kept reachable (plus old-generation garbage not yet collected).</li>
 * </ul>
 * Both are compared with the heap in use after a full collection just before the pass. A sampler thread also
 * records, every {@value #SAMPLE_MILLIS} ms, the largest direct (off-heap) memory in use, as Netty counts it
 * and as the JVM counts it, and the largest resident set of the process: rows held by the R2DBC driver in Netty
 * buffers would show there and not on the heap.
 */
final class MemoryWatch implements NotificationListener {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> poolNames = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();
    private final BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
    private final AtomicLong maxNettyDirect = new AtomicLong();
    private final AtomicLong maxJvmDirect = new AtomicLong();
    private final AtomicLong maxRss = new AtomicLong();
    private volatile boolean watching;
    private volatile @Nullable Thread sampler;

    static final int SAMPLE_MILLIS = 10;

    MemoryWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(this, null, null);
        }
    }

    /** Collects fully, twice, and returns the heap then in use: the baseline of the next pass. */
    long settle() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        System.gc();
        Thread.sleep(100);
        return used();
    }

    /** Starts a pass: resets the pools' peaks and the collection counters. */
    void start() {
        maxAfterGc.set(0);
        collections.set(0);
        maxNettyDirect.set(0);
        maxJvmDirect.set(0);
        maxRss.set(0);
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        watching = true;
        Thread t = new Thread(this::sample, "memory-sampler");
        t.setDaemon(true);
        sampler = t;
        t.start();
    }

    private void sample() {
        while (watching) {
            maxNettyDirect.accumulateAndGet(PlatformDependent.usedDirectMemory(), Math::max);
            maxJvmDirect.accumulateAndGet(direct.getMemoryUsed(), Math::max);
            maxRss.accumulateAndGet(rss(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Off-heap figures outside a pass: Netty's and the JVM's direct memory in use, and the resident set. */
    String offHeapNow() {
        return "direct " + Machine.mb(PlatformDependent.usedDirectMemory()) + " MB (Netty) / "
                + Machine.mb(direct.getMemoryUsed()) + " MB (JVM), RSS " + Machine.mb(rss()) + " MB";
    }

    /** The resident set size from {@code /proc/self/statm}, or 0 off Linux. */
    private static long rss() {
        try {
            String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(f[1]) * 4096;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Ends a pass. Notifications arrive on their own thread, so wait a little for the last ones. */
    Result stop() throws InterruptedException {
        long peak = 0;
        for (MemoryPoolMXBean p : pools) {
            peak += p.getPeakUsage().getUsed();
        }
        Thread.sleep(200);
        watching = false;
        Thread t = sampler;
        if (t != null) {
            t.join();
        }
        return new Result(peak, maxAfterGc.get(), collections.get(), maxNettyDirect.get(), maxJvmDirect.get(), maxRss.get());
    }

    private long used() {
        long used = 0;
        for (MemoryPoolMXBean p : pools) {
            used += p.getUsage().getUsed();
        }
        return used;
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!watching || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long after = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (poolNames.contains(e.getKey())) {
                MemoryUsage u = e.getValue();
                after += u.getUsed();
            }
        }
        collections.incrementAndGet();
        maxAfterGc.accumulateAndGet(after, Math::max);
    }

    /**
     * Over a pass: peak heap (sum of pool peaks), largest heap use after a collection, the number of collections,
     * and the largest direct memory (Netty's count, -1 when Netty does not count; the JVM's) and resident set seen.
     */
    record Result(long peak, long maxLiveAfterGc, int collections, long maxNettyDirect, long maxJvmDirect, long maxRss) {
    }
}
