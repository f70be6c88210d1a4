package io.storagehub.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the benchmark ran on: cores, memory, CPU model, JDK, load average. */
public record Machine(int cores, String memory, String cpuModel, String jdk, String os) {
    private static final Logger log = LoggerFactory.getLogger(Machine.class);
    /** The share of the whole machine's CPU at or below which it counts as quiet before a benchmark phase. */
    public static final double QUIET_BUSY = 0.25;
    public static final Duration QUIET_WINDOW = Duration.ofSeconds(5);
    public static final Duration SETTLE_MAX = Duration.ofSeconds(180);

    public static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemory(), readCpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** A wait for a quiet machine: how long, and the share of CPU busy it ended at (-1: not measured). */
    public record Settled(double seconds, double busy) {
        public static final Settled NOT_WAITED = new Settled(0, -1);

        public String describe() {
            if (busy < 0) {
                return this == NOT_WAITED ? "no wait" : "interrupted";
            }
            return Math.round(seconds) + " s, then " + Math.round(busy * 100) + " % busy"
                    + (busy > QUIET_BUSY ? " (waited no longer)" : "");
        }
    }

    /**
     * Waits until the machine is quiet: until its CPU was at most {@link #QUIET_BUSY} busy over
     * {@link #QUIET_WINDOW}, for at most {@link #SETTLE_MAX}. Run before a benchmark phase, so that what the phase
     * before left running (Postgres writing out and vacuuming what it loaded, pgbench's backends ending, a JVM
     * exiting) is not measured as part of it.
     */
    public static Settled settle(String phase) {
        long start = System.nanoTime();
        double busy = -1;
        try {
            while (true) {
                busy = cpuBusy(QUIET_WINDOW);
                double waited = (System.nanoTime() - start) / 1e9;
                if (busy <= QUIET_BUSY || waited >= SETTLE_MAX.toSeconds()) {
                    log.info("{}: the machine was {} % busy over the last {} s, after {} s of waiting", phase,
                            Math.round(busy * 100), QUIET_WINDOW.toSeconds(), Math.round(waited));
                    return new Settled(waited, busy);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Settled((System.nanoTime() - start) / 1e9, busy);
        }
    }

    /** The share of the machine's CPU (all cores) busy over {@code window}: 0 idle, 1 every core busy. */
    public static double cpuBusy(Duration window) throws InterruptedException {
        double before = CpuClock.machineSeconds();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        double busy = CpuClock.machineSeconds() - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        return Math.min(1, Math.max(0, busy / (elapsed * Runtime.getRuntime().availableProcessors())));
    }

    /** The 1, 5 and 15 minute load averages, as in /proc/loadavg. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String readMemory() {
        return firstValue("/proc/meminfo", "MemTotal")
                .map(v -> String.format("%.1f GiB", Long.parseLong(v.replace("kB", "").trim()) / 1048576.0))
                .orElse("unknown");
    }

    private static String readCpuModel() {
        return firstValue("/proc/cpuinfo", "model name").orElse("unknown");
    }

    private static java.util.Optional<String> firstValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
