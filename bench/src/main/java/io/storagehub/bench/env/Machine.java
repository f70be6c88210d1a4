package io.storagehub.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark ran on: cores, memory, CPU model, JDK, load average. */
public record Machine(int cores, String memory, String cpuModel, String jdk, String os) {

    public static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemory(), readCpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
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
