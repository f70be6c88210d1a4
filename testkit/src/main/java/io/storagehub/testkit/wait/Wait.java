package io.storagehub.testkit.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline, re-checking it every few milliseconds: the one way tests wait (never a
 * fixed sleep). A timeout fails with an {@link AssertionError} naming what was awaited, the timeout and, for
 * {@link #until(Duration, String, Supplier, Predicate)}, the last value observed.
 *
 * <pre>{@code
 * Wait.until(Duration.ofSeconds(30), "indexer caught up", testbed::caughtUp);
 * long read = Wait.until(Duration.ofSeconds(30), "3000 records read", metrics::recordsRead, n -> n == 3000);
 * }</pre>
 */
public final class Wait {
    /** Time between two checks of a condition. */
    public static final Duration POLL = Duration.ofMillis(5);

    private Wait() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} when {@code timeout} passes first. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        Objects.requireNonNull(condition, "condition");
        until(timeout, what, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * Reads {@code probe} until its value satisfies {@code done} and returns that value; fails naming
     * {@code what} and the last value read when {@code timeout} passes first.
     */
    public static <T> T until(Duration timeout, String what, Supplier<? extends T> probe,
                              Predicate<? super T> done) {
        Objects.requireNonNull(what, "what");
        long deadline = deadline(timeout);
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what
                        + " (last observed: " + value + ")");
            }
            pause();
        }
    }

    /** Whether {@code condition} held before {@code timeout} passed (for waits whose timeout is an outcome). */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = deadline(timeout);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            pause();
        }
        return true;
    }

    /** Parks the thread for {@link #POLL} between two checks; fails if the thread is interrupted. */
    public static void pause() {
        LockSupport.parkNanos(POLL.toNanos());
        if (Thread.currentThread().isInterrupted()) {
            throw new AssertionError("interrupted while waiting");
        }
    }

    private static long deadline(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive, was " + timeout);
        }
        return System.nanoTime() + timeout.toNanos();
    }
}
