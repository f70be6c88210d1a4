package io.storagehub.indexer.consumer;

import io.storagehub.indexer.retry.Backoff;
import java.time.Duration;

/** What the consumer loop knows of one assigned partition: must it seek first, and when may it run again. */
final class PartitionState {
    private final Backoff backoff;
    private boolean needsSeek = true;
    private long notBeforeNanos;

    PartitionState(Backoff backoff) {
        this.backoff = backoff;
    }

    boolean needsSeek() {
        return needsSeek;
    }

    void seeked() {
        needsSeek = false;
    }

    void mustSeek() {
        needsSeek = true;
    }

    boolean due(long nowNanos) {
        return nowNanos - notBeforeNanos >= 0;
    }

    /** A failure: wait the next backoff delay before trying again. Returns the delay. */
    Duration failed(long nowNanos) {
        Duration delay = backoff.next();
        notBeforeNanos = nowNanos + delay.toNanos();
        return delay;
    }

    void succeeded() {
        backoff.reset();
        notBeforeNanos = 0;
    }

    boolean failing() {
        return backoff.failing();
    }
}
