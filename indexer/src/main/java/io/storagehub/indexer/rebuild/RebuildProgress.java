package io.storagehub.indexer.rebuild;

import io.storagehub.indexer.metrics.IndexerMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a rebuild's progress every interval: records/s, offset per partition against its target, and the ETA. */
final class RebuildProgress {
    private static final Logger log = LoggerFactory.getLogger(RebuildProgress.class);

    private final Map<TopicPartition, Long> begins;
    private final Map<TopicPartition, Long> ends;
    private final long intervalNanos;
    private final long startNanos;
    private long lastLogNanos;
    private long recordsAtLastLog;
    private long records;

    private final IndexerMetrics metrics;

    RebuildProgress(Map<TopicPartition, Long> begins, Map<TopicPartition, Long> ends, Duration interval,
                    IndexerMetrics metrics) {
        this.metrics = metrics;
        this.begins = begins;
        this.ends = ends;
        this.intervalNanos = interval.toNanos();
        this.startNanos = System.nanoTime();
        this.lastLogNanos = startNanos;
    }

    void add(int count) {
        records += count;
    }

    long records() {
        return records;
    }

    void maybeLog(Map<TopicPartition, Long> positions) {
        long now = System.nanoTime();
        if (now - lastLogNanos >= intervalNanos) {
            log(positions, now);
        }
    }

    void log(Map<TopicPartition, Long> positions, long now) {
        double sinceLast = Math.max(1e-9, (now - lastLogNanos) / 1e9);
        double sinceStart = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = (records - recordsAtLastLog) / sinceLast;
        double overall = records / sinceStart;
        long remaining = 0;
        Map<Integer, String> perPartition = new TreeMap<>();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long position = positions.getOrDefault(end.getKey(), begins.getOrDefault(end.getKey(), 0L));
            remaining += Math.max(0, end.getValue() - position);
            perPartition.put(end.getKey().partition(), position + "/" + end.getValue());
        }
        long etaSeconds = overall <= 0 ? -1 : (long) Math.ceil(remaining / overall);
        String eta = etaSeconds < 0 ? "unknown" : Duration.ofSeconds(etaSeconds).toString();
        double done = records + remaining == 0 ? 1.0 : (double) records / (records + remaining);
        metrics.replay(records, remaining, done, rate, etaSeconds);
        log.atInfo().addKeyValue("records", records).addKeyValue("ratePerSec", Math.round(rate))
                .addKeyValue("done", String.format(java.util.Locale.ROOT, "%.1f%%", done * 100))
                .addKeyValue("remaining", remaining).addKeyValue("eta", eta)
                .addKeyValue("partitions", perPartition.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")))
                .log("rebuild progress");
        lastLogNanos = now;
        recordsAtLastLog = records;
    }
}
