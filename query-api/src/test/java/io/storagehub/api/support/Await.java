package io.storagehub.api.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Re-checks a condition every 10 ms until it holds or the deadline passes (no fixed sleeps in tests). */
public final class Await {
    private static final long POLL_NANOS = 10_000_000L;

    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                throw new AssertionError("interrupted while waiting");
            }
        }
    }
}
