package io.storagehub.bench.backfill;

/**
 * The first sync: the indexer's run over an empty read model with every event already in the topic, against the
 * COPY of the same final rows and the transaction-per-event baseline; {@code verification} says what was checked
 * after it.
 */
public record FirstSyncResult(IndexerRunResult run, CopyLoad.Result copy, PerEventBaseline.Result perEvent,
                              String verification) {
    /** Goal: the first sync takes at most this many times the COPY. */
    public static final double GOAL_OVER_COPY = 3;
    /** Stretch goal. */
    public static final double STRETCH_OVER_COPY = 1.5;

    /** First-sync time over COPY time for the same final rows. */
    public double overCopy() {
        return run.seconds() / (copy.took().toNanos() / 1e9);
    }

    /** First-sync events/s over the transaction-per-event projector's. */
    public double overPerEvent() {
        return run.eventsPerSecond() / perEvent.eventsPerSecond();
    }
}
