package io.storagehub.indexer.config;

import java.time.Duration;

/** Replay settings: records per batch (bigger than live batches) and how often progress is logged. */
public record RebuildConfig(int batchSize, Duration progressInterval) {
    public static final String BATCH = "STORAGEHUB_REBUILD_BATCH";
    public static final String PROGRESS_INTERVAL = "STORAGEHUB_REBUILD_PROGRESS_MS";

    public RebuildConfig {
        Check.range(BATCH, batchSize, 1, 1_000_000);
        Check.range(PROGRESS_INTERVAL, progressInterval, 100, 600_000);
    }

    public static RebuildConfig from(Settings s) {
        return new RebuildConfig(
                s.integer(BATCH, 10_000, 1, 1_000_000),
                s.millis(PROGRESS_INTERVAL, Duration.ofSeconds(5), 100, 600_000));
    }
}
