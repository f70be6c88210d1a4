package io.storagehub.bench.freshness;

/**
 * Produce-to-visible latency at a steady rate: for sampled blocks, from just before the block's events were sent
 * to Kafka until the API answered a {@code minBlock=<block>} long-poll. Percentiles in milliseconds.
 */
public record FreshnessResult(double targetRate, double achievedRate, double seconds, int samples, int failures,
                              double p50, double p90, double p99, double max, BatchMetrics batches) {
}
