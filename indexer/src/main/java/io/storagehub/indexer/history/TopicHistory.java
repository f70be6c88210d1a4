package io.storagehub.indexer.history;

import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether a topic still holds its whole history: its retention ({@code retention.ms}, {@code retention.bytes};
 * empty when the broker did not say) and the earliest offset of each partition. An earliest offset above 0
 * means records were deleted (by retention or {@code deleteRecords}): a rebuild from it would miss them.
 */
public record TopicHistory(String topic, OptionalLong retentionMs, OptionalLong retentionBytes,
                           SortedMap<Integer, Long> earliestOffsets) {
    /** The configs of every topic we create: the events topic is the source of truth, kept for ever. */
    public static final Map<String, String> PROTECTED = Map.of("retention.ms", "-1", "retention.bytes", "-1");

    public TopicHistory {
        earliestOffsets = new TreeMap<>(earliestOffsets);
    }

    /** True when a partition no longer starts at offset 0. */
    public boolean truncated() {
        return earliestOffsets.values().stream().anyMatch(offset -> offset > 0);
    }

    /** True when the broker may delete records by age or size (or did not tell its retention). */
    public boolean finiteRetention() {
        return retentionMs.orElse(0) != -1 || retentionBytes.orElse(0) != -1;
    }

    /** The partitions that no longer start at 0, as {@code partition 1 starts at 500, ...}. */
    public String truncatedPartitions() {
        return earliestOffsets.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "partition " + e.getKey() + " starts at " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** One line: {@code history: retention.ms=-1 retention.bytes=-1, earliest offsets 0:0 1:0 (complete)}. */
    public String describe() {
        String offsets = earliestOffsets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
        String verdict = truncated() ? "TRUNCATED: " + truncatedPartitions()
                : finiteRetention() ? "complete so far, but retention is finite" : "complete";
        return "history: retention.ms=" + text(retentionMs) + " retention.bytes=" + text(retentionBytes)
                + ", earliest offsets " + offsets + " (" + verdict + ")";
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "unknown";
    }
}
