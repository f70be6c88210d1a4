package io.storagehub.bench.freshness;

import io.storagehub.bench.env.PgStatements;
import java.util.List;

/**
 * Produce-to-visible latency at a steady rate: for sampled blocks, from just before the block's events were sent
 * to Kafka until the API answered a {@code minBlock=<block>} long-poll. Percentiles in milliseconds. With the
 * indexer's batches in the window and the statements that took the most server time in it (all sessions).
 */
public record FreshnessResult(double targetRate, double achievedRate, double seconds, int samples, int failures,
                              double p50, double p90, double p99, double max, BatchMetrics batches,
                              List<PgStatements.Statement> statements, Warmup warmup) {

    /**
     * Before the measured window: the records left in the topic that the indexer applied before the feed started,
     * how long the feed ran before the window opened, and whether the indexer kept up with it by then (else the
     * window opened at the warm-up's bound).
     */
    public record Warmup(long backlogRecords, double seconds, boolean keptUp) {
    }
}
