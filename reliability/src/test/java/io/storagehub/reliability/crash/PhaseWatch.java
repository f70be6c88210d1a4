package io.storagehub.reliability.crash;

import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Topics;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Watches a running indexer process for a phase of its work: the indexer's backends in {@code pg_stat_activity}
 * (a batch transaction that has written, or no transaction at all), the dead-letter topic's open transaction,
 * or its log. Checks run back to back (a fraction of a millisecond apart) until the phase shows or the deadline
 * passes; the caller kills the process the moment it shows.
 */
final class PhaseWatch {
    private static final long SPIN_NANOS = Duration.ofMillis(1).toNanos() / 2;

    private final ReadModelDb db;
    private final Topics topics;
    private final String topic;
    private final String dlqTopic;
    private final long records;

    PhaseWatch(ReadModelDb db, Topics topics, String topic, long records) {
        this.db = db;
        this.topics = topics;
        this.topic = topic;
        this.dlqTopic = topic + ".dlq";
        this.records = records;
    }

    /** Waits until {@code child} is in {@code phase}; false when it was not seen in time. */
    boolean await(KillPhase phase, ChildIndexer child, Duration within) {
        return spin(child, within, condition(phase, child));
    }

    /** Waits until the relay of {@code child} was signalled: a new "dead-lettered" line in its log. */
    boolean awaitRelaySignal(ChildIndexer child, Duration within) {
        int mark = child.log().mark();
        return spin(child, within, () -> child.log().contains(mark, "msg=dead-lettered"));
    }

    private BooleanSupplier condition(KillPhase phase, ChildIndexer child) {
        switch (phase) {
            case BATCH:
                return () -> db.indexerBackends().writing() > 0;
            case POLL:
                return () -> child.log().contains(0, "msg=batch committed")
                        && db.indexerBackends().inTransaction() == 0 && db.progress(topic) < records;
            case DLQ_PRODUCE:
                return () -> topics.transactionOpen(dlqTopic, 1);
            default:
                throw new IllegalArgumentException("no condition for " + phase);
        }
    }

    private static boolean spin(ChildIndexer child, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!child.alive()) {
                throw new AssertionError(child + " exited by itself:\n" + child.log().tail(40));
            }
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(SPIN_NANOS);
        }
        return false;
    }
}
