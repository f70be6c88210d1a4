package io.storagehub.bench.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (user + system, clock ticks of 10 ms). For Postgres:
 * the postmaster, the CPU of backends it has reaped (cutime/cstime) and its live children. For the whole machine:
 * the busy time of all cores from {@code /proc/stat}.
 */
public final class CpuClock {
    private static final double TICK_SECONDS = 0.01;

    private CpuClock() {
    }

    /** CPU seconds used so far by one process (all its threads). */
    public static double seconds(long pid) {
        long[] f = fields(pid);
        return f == null ? 0 : (f[0] + f[1]) * TICK_SECONDS;
    }

    /** CPU seconds used so far by the postmaster, its reaped children and its live children. */
    public static double postgresSeconds(long postmasterPid) {
        long[] own = fields(postmasterPid);
        if (own == null) {
            return 0;
        }
        long ticks = own[0] + own[1] + own[2] + own[3];
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                long[] f = fields(pid);
                if (f != null && f[4] == postmasterPid) {
                    ticks += f[0] + f[1];
                }
            }
        } catch (IOException e) {
            return ticks * TICK_SECONDS;
        }
        return ticks * TICK_SECONDS;
    }

    /** CPU seconds the machine has spent busy so far, all cores (every process, the kernel's own work too). */
    public static double machineSeconds() {
        try {
            return busySeconds(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The busy seconds of {@code /proc/stat}'s first line ({@code cpu user nice system idle iowait irq softirq
     * steal ...}): every state but idle and iowait.
     */
    static double busySeconds(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long ticks = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            ticks += Long.parseLong(f[i]);
        }
        return ticks * TICK_SECONDS;
    }

    /** utime, stime, cutime, cstime, ppid; null if the process is gone. */
    static long[] fields(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static long[] parse(String stat) {
        // the command name (field 2) may contain spaces: fields after the last ')' are positional
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14]), Long.parseLong(f[1])};
    }
}
