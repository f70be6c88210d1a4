package io.storagehub.bench.rebuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures of a unified GC log ({@code -Xlog:gc:file=...}): over every collection, the most heap in use before
 * one (bounded by -Xmx), the most still in use after one (after a young collection this includes old garbage not
 * yet collected) and the most committed; and over the full collections (those requested while it ran with
 * {@code jcmd GC.run} log as {@code Pause Full (Diagnostic Command)}; the throughput collector's own as
 * {@code Pause Full (Ergonomics)}), the most and the median still in use after one: the live set's high-water mark
 * and its typical size. Each full collection catches the replay with one batch
 * in flight, so the live set varies with that batch; a longer run takes more samples, and its maximum rises with
 * their number alone, which is why flatness is judged on the median.
 */
public record GcLog(int collections, long peakBeforeBytes, long peakAfterBytes, long peakCommittedBytes,
                    int fullCollections, long peakLiveBytes, long medianLiveBytes) {
    private static final Pattern HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    public static GcLog read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GC log " + file, e);
        }
    }

    static GcLog parse(List<String> lines) {
        int collections = 0;
        long before = 0;
        long after = 0;
        long committed = 0;
        List<Long> lives = new ArrayList<>();
        for (String line : lines) {
            Matcher m = HEAP.matcher(line);
            if (!line.contains("Pause") || !m.find()) {
                continue;
            }
            collections++;
            before = Math.max(before, bytes(m.group(1), m.group(2)));
            after = Math.max(after, bytes(m.group(3), m.group(4)));
            committed = Math.max(committed, bytes(m.group(5), m.group(6)));
            if (line.contains("Pause Full")) {
                lives.add(bytes(m.group(3), m.group(4)));
            }
        }
        Collections.sort(lives);
        long peakLive = lives.isEmpty() ? 0 : lives.get(lives.size() - 1);
        long medianLive = lives.isEmpty() ? 0 : lives.get((lives.size() - 1) / 2);
        return new GcLog(collections, before, after, committed, lives.size(), peakLive, medianLive);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }

    public double peakAfterMiB() {
        return peakAfterBytes / 1048576.0;
    }

    public double peakBeforeMiB() {
        return peakBeforeBytes / 1048576.0;
    }

    public double peakLiveMiB() {
        return peakLiveBytes / 1048576.0;
    }

    public double medianLiveMiB() {
        return medianLiveBytes / 1048576.0;
    }

    public double peakCommittedMiB() {
        return peakCommittedBytes / 1048576.0;
    }
}
