package io.storagehub.reliability.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for conditions with a deadline, re-checking every few milliseconds (never a fixed sleep). */
public final class Await {
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} when the deadline passes first. */
    public static void until(Duration timeout, BooleanSupplier condition, String what) {
        if (!within(timeout, condition)) {
            throw new AssertionError(what + ": not met within " + timeout);
        }
    }

    /** Whether {@code condition} held before the deadline. */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            pause();
        }
        return true;
    }

    /** Parks the thread briefly between two checks of a condition. */
    public static void pause() {
        LockSupport.parkNanos(POLL_NANOS);
        if (Thread.currentThread().isInterrupted()) {
            throw new AssertionError("interrupted while waiting");
        }
    }
}
