package io.storagehub.indexer.consumer;

import java.time.Duration;

/**
 * Whether the consumer loop can do its job, as seen from another thread: it runs, it is a member of the group
 * (a rebalance completed, whatever it assigned: an idle replica with no partition is a healthy member), and it
 * polled recently. Times are {@link System#nanoTime()} values passed in, so the rules are testable.
 */
final class LoopHealth {
    /** A loop that has not returned from {@code poll} for this long is stuck (a batch and its retries included). */
    static final Duration STALLED_AFTER = Duration.ofSeconds(60);

    private volatile boolean member;
    private volatile boolean stopped;
    private volatile boolean polledOnce;
    private volatile long lastPollNanos;

    /** A rebalance completed: the loop is a member of the group, with or without partitions. */
    void joined() {
        member = true;
    }

    /** The group considers the member gone (its partitions were lost); it rejoins on its next poll. */
    void lost() {
        member = false;
    }

    void polled(long nowNanos) {
        lastPollNanos = nowNanos;
        polledOnce = true;
    }

    void stopped() {
        stopped = true;
    }

    boolean healthy(long nowNanos) {
        return !stopped && member && polledOnce && nowNanos - lastPollNanos < STALLED_AFTER.toNanos();
    }
}
