package io.storagehub.indexer.config;

import io.storagehub.config.Check;
import io.storagehub.config.ConfigException;
import io.storagehub.config.Settings;
import java.time.Duration;

/**
 * How transient failures are retried: attempts per batch with exponential backoff from {@code initialBackoff}
 * up to {@code maxBackoff}; after that the partition is paused and re-polled with the same bounded backoff.
 * The circuit breaker opens after {@code circuitFailureThreshold} consecutive failed calls and probes again
 * after {@code circuitOpenWait}.
 */
public record RetryConfig(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                          int circuitFailureThreshold, Duration circuitOpenWait) {
    public static final String MAX_ATTEMPTS = "STORAGEHUB_INDEXER_RETRY_ATTEMPTS";
    public static final String INITIAL_BACKOFF = "STORAGEHUB_INDEXER_BACKOFF_INITIAL_MS";
    public static final String MAX_BACKOFF = "STORAGEHUB_INDEXER_BACKOFF_MAX_MS";
    public static final String CIRCUIT_THRESHOLD = "STORAGEHUB_INDEXER_CIRCUIT_THRESHOLD";
    public static final String CIRCUIT_OPEN_WAIT = "STORAGEHUB_INDEXER_CIRCUIT_OPEN_MS";

    public RetryConfig {
        Check.range(MAX_ATTEMPTS, maxAttempts, 1, 20);
        Check.range(INITIAL_BACKOFF, initialBackoff, 1, 60_000);
        Check.range(MAX_BACKOFF, maxBackoff, 1, 600_000);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw ConfigException.invalid(MAX_BACKOFF, maxBackoff.toMillis(),
                    "at least " + INITIAL_BACKOFF + " (" + initialBackoff.toMillis() + ")");
        }
        Check.range(CIRCUIT_THRESHOLD, circuitFailureThreshold, 1, 1000);
        Check.range(CIRCUIT_OPEN_WAIT, circuitOpenWait, 10, 600_000);
    }

    public static RetryConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    public static RetryConfig from(Settings s) {
        return new RetryConfig(
                s.integer(MAX_ATTEMPTS, 3, 1, 20),
                s.millis(INITIAL_BACKOFF, Duration.ofMillis(100), 1, 60_000),
                s.millis(MAX_BACKOFF, Duration.ofSeconds(5), 1, 600_000),
                s.integer(CIRCUIT_THRESHOLD, 5, 1, 1000),
                s.millis(CIRCUIT_OPEN_WAIT, Duration.ofSeconds(2), 10, 600_000));
    }
}
