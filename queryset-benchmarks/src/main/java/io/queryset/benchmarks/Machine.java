package io.queryset.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the standalone benchmarks print about the machine while they run: the load average (the machine has two
 * cores and is shared with other jobs, so every figure is reported next to it), the CPU time of this JVM, and the
 * busy share of every CPU of the machine (which includes PostgreSQL, running on the same host).
 */
final class Machine {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Machine() {
    }

    /** The first three fields of {@code /proc/loadavg}, or "n/a" off Linux. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** CPU nanoseconds this JVM has used so far, all threads. */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** The aggregate {@code cpu} line of {@code /proc/stat}: busy and total jiffies, or zeros off Linux. */
    static long[] cpuJiffies() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Busy share of the machine's CPUs between two {@link #cpuJiffies()} readings, in percent of all of them. */
    static double busyPercent(long[] before, long[] after) {
        long total = after[1] - before[1];
        return total <= 0 ? Double.NaN : 100.0 * (after[0] - before[0]) / total;
    }

    /** One line: CPUs, JVM, heap limit and garbage collectors. */
    static String describe() {
        Runtime rt = Runtime.getRuntime();
        StringBuilder gcs = new StringBuilder();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.append(gcs.length() == 0 ? "" : ", ").append(gc.getName());
        }
        return rt.availableProcessors() + " CPUs, Java " + System.getProperty("java.vm.version") + ", max heap "
                + mb(rt.maxMemory()) + " MB, GC " + gcs;
    }

    /** {@code --name value} options after the positional arguments, with defaults. */
    static Map<String, String> options(String[] args, int from, Map<String, String> defaults) {
        Map<String, String> out = new TreeMap<>(defaults);
        for (int i = from; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !defaults.containsKey(name.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown or incomplete option " + name + "; options: " + defaults);
            }
            out.put(name.substring(2), args[++i]);
        }
        return out;
    }

    static double mb(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
    }
}
