package io.storagehub.indexer.retry;

import java.time.Duration;

/** Exponential delays between whole attempts (after a batch's retries ran out), capped. */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** Records one more failure and returns how long to wait before the next attempt. */
    public Duration next() {
        int exponent = Math.min(failures++, 20);
        long millis = initial.toMillis() * (1L << exponent);
        return millis >= max.toMillis() ? max : Duration.ofMillis(millis);
    }

    public void reset() {
        failures = 0;
    }

    public boolean failing() {
        return failures > 0;
    }
}
