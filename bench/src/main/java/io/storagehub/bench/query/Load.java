package io.storagehub.bench.query;

/** A measured load: throughput and latency percentiles in milliseconds; {@code errors} = non-2xx or failed. */
public record Load(double perSecond, double p50Millis, double p99Millis, long requests, long errors) {
}
