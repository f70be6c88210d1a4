package io.storagehub.indexer.config;

import io.storagehub.config.Check;
import io.storagehub.config.Settings;
import java.time.Duration;

/** Replay settings: records per batch (bigger than live batches) and how often progress is logged. */
public record RebuildConfig(int batchSize, Duration progressInterval) {
    public static final String BATCH = "STORAGEHUB_REBUILD_BATCH";
    public static final String PROGRESS_INTERVAL = "STORAGEHUB_REBUILD_PROGRESS_MS";
    /** Large enough that most of a file's life falls in one batch (one write per row), small enough for -Xmx512m. */
    public static final int DEFAULT_BATCH = 25_000;

    public RebuildConfig {
        Check.range(BATCH, batchSize, 1, 1_000_000);
        Check.range(PROGRESS_INTERVAL, progressInterval, 100, 600_000);
    }

    public static RebuildConfig from(Settings s) {
        return new RebuildConfig(
                s.integer(BATCH, DEFAULT_BATCH, 1, 1_000_000),
                s.millis(PROGRESS_INTERVAL, Duration.ofSeconds(5), 100, 600_000));
    }
}
