package io.storagehub.bench.live;

import io.storagehub.schema.event.Position;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Whether the live indexer keeps up with a paced feed: it does once every block sent {@link #CAUGHT_UP_MS} or
 * longer ago has committed ({@link CommitClock}), so it trails the feed by less than that.
 */
public final class FeedLag {
    /** The indexer keeps up once every block sent this long ago has committed. */
    public static final long CAUGHT_UP_MS = 500;

    private record Sent(long nanos, Position last) {
    }

    private final CommitClock clock;
    private final ArrayDeque<Sent> sent = new ArrayDeque<>();
    private boolean caughtUp;

    public FeedLag(CommitClock clock) {
        this.clock = clock;
    }

    /** Notes a block, ending at {@code last}, sent at {@code sentAt}; returns whether the indexer keeps up now. */
    public boolean sent(long sentAt, Position last) {
        sent.add(new Sent(sentAt, last));
        Sent due = null;
        while (!sent.isEmpty() && sentAt - sent.peekFirst().nanos() >= TimeUnit.MILLISECONDS.toNanos(CAUGHT_UP_MS)) {
            due = sent.pollFirst();
        }
        if (due != null) {
            caughtUp = clock.committedAt(due.last()) >= 0;
            if (!caughtUp) {
                sent.addFirst(due); // checked again with the next block
            }
        }
        return caughtUp;
    }

    /** Whether the indexer kept up when last checked. */
    public boolean caughtUp() {
        return caughtUp;
    }
}
