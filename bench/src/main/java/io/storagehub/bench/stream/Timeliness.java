package io.storagehub.bench.stream;

import java.util.Locale;

/**
 * Whether a set of deliveries were timely: at least one was timed, and each timed one arrived within a bound of
 * the commit of its change. A delivery's latency is its arrival minus its change's commit time (both
 * {@link System#nanoTime()}), as the benchmark's verdict measures it; a delivery whose commit time is unknown
 * (negative) is not timed.
 */
final class Timeliness {
    private final long boundNanos;
    private long timed;
    private long late;
    private long slowestNanos;

    /** Deliveries are timely when none took longer than {@code boundNanos}. */
    Timeliness(long boundNanos) {
        this.boundNanos = boundNanos;
    }

    /** Counts a delivery that arrived at {@code arrivedNanos} of a change committed at {@code committedNanos}. */
    void add(long arrivedNanos, long committedNanos) {
        if (committedNanos < 0) {
            return;
        }
        long latency = arrivedNanos - committedNanos;
        timed++;
        if (latency > boundNanos) {
            late++;
        }
        slowestNanos = Math.max(slowestNanos, latency);
    }

    /** Deliveries counted (those with a known commit time). */
    long timed() {
        return timed;
    }

    /** Deliveries counted that took longer than the bound. */
    long late() {
        return late;
    }

    /** The longest latency counted, in ms (0 when none). */
    double slowestMillis() {
        return slowestNanos / 1e6;
    }

    /** At least one delivery was counted, and none took longer than the bound. */
    boolean timely() {
        return timed > 0 && late == 0;
    }

    /** The counts in words, for the log: how many deliveries were timed, how many were late, the slowest. */
    String summary() {
        if (timed == 0) {
            return "no delivery timed";
        }
        return String.format(Locale.ROOT, "%d of %d deliveries over %.0f ms, the slowest %.1f ms", late, timed,
                boundNanos / 1e6, slowestMillis());
    }
}
