package io.storagehub.bench.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads pgbench's summary (tps, failed transactions) and its per-transaction logs (latency percentiles). */
public final class PgBenchOutput {
    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern DONE = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private PgBenchOutput() {
    }

    /** The summary plus the latencies of every transaction logged in files starting with {@code logPrefix}. */
    public static Load parse(String summary, Path logDir, String logPrefix) {
        Matcher tps = TPS.matcher(summary);
        Matcher done = DONE.matcher(summary);
        if (!tps.find() || !done.find()) {
            throw new IllegalArgumentException("not pgbench output:\n" + summary);
        }
        Matcher failed = FAILED.matcher(summary);
        long errors = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        long[] latencies = latencies(logDir, logPrefix);
        return new Load(Double.parseDouble(tps.group(1)), percentile(latencies, 0.50) / 1000.0,
                percentile(latencies, 0.99) / 1000.0, Long.parseLong(done.group(1)), errors);
    }

    /** Per-transaction latencies in microseconds (third field of each log line), sorted. */
    static long[] latencies(Path logDir, String logPrefix) {
        try (Stream<Path> files = Files.list(logDir)) {
            List<Path> logs = files.filter(p -> p.getFileName().toString().startsWith(logPrefix + ".")).toList();
            long[] all = logs.stream().flatMap(PgBenchOutput::lines)
                    .mapToLong(line -> Long.parseLong(line.split(" ")[2])).toArray();
            Arrays.sort(all);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
