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

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

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

    /**
     * Bytes allocated so far by the threads alive now (a thread that ended takes its count with it; the benchmarks'
     * worker threads live as long as their pools).
     */
    static long allocatedBytes() {
        long[] ids = THREADS.getAllThreadIds();
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(ids)) {
            total += Math.max(0, bytes);
        }
        return total;
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

    /**
     * Where the machine's CPU time goes, read from {@code /proc}: all CPUs (busy and total), this JVM, and each
     * PostgreSQL process, in clock ticks. Two snapshots give the share of the machine taken by this JVM, by
     * PostgreSQL (every backend, including other users' ones) and by everything else: other jobs on the machine.
     */
    record CpuSnapshot(long busy, long total, long self, Map<Integer, Long> postgres) {

        static CpuSnapshot take() {
            long[] machine = cpuJiffies();
            Map<Integer, Long> postgres = new java.util.HashMap<>();
            long self = 0;
            long selfPid = ProcessHandle.current().pid();
            try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path dir : dirs) {
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        int close = stat.lastIndexOf(')');
                        String comm = stat.substring(stat.indexOf('(') + 1, close);
                        String[] f = stat.substring(close + 2).split(" ");
                        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                        int pid = Integer.parseInt(dir.getFileName().toString());
                        if (pid == selfPid) {
                            self = ticks;
                        } else if (comm.equals("postgres")) {
                            postgres.put(pid, ticks);
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended while being read
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: the shares read as unknown
            }
            return new CpuSnapshot(machine[0], machine[1], self, postgres);
        }

        /** "machine 100% busy: this JVM 40%, PostgreSQL 55%, other processes 5%" since {@code before}. */
        String sharesSince(CpuSnapshot before) {
            long total = this.total - before.total;
            if (total <= 0) {
                return "machine CPU shares unknown";
            }
            long busy = this.busy - before.busy;
            long jvm = this.self - before.self;
            long pg = 0;
            for (var e : postgres.entrySet()) {
                pg += e.getValue() - before.postgres.getOrDefault(e.getKey(), 0L);
            }
            long others = Math.max(0, busy - jvm - pg);
            return String.format("machine %.0f%% busy: this JVM %.0f%%, PostgreSQL %.0f%%, other processes %.0f%%",
                    100.0 * busy / total, 100.0 * jvm / total, 100.0 * pg / total, 100.0 * others / total);
        }
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
