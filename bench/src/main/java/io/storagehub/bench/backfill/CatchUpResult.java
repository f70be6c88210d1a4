package io.storagehub.bench.backfill;

/**
 * The live catch-up: the indexer restarted on a read model holding {@code readModelEvents} events, with
 * {@code run.events()} more waiting in the topic; {@code verification} says what was checked after it.
 */
public record CatchUpResult(long readModelEvents, IndexerRunResult run, String verification) {
    /** Goal: indexer CPU per event, microseconds. */
    public static final double GOAL_INDEXER_MICROS = 12;
    /** Goal: Postgres CPU (all backends) per event, microseconds. */
    public static final double GOAL_POSTGRES_MICROS = 15;

    public double indexerMicrosPerEvent() {
        return run.microsPerEvent(IndexerRunResult.INDEXER);
    }

    public double postgresMicrosPerEvent() {
        return run.microsPerEvent(IndexerRunResult.POSTGRES);
    }

    public boolean indexerMet() {
        return indexerMicrosPerEvent() <= GOAL_INDEXER_MICROS;
    }

    public boolean postgresMet() {
        return postgresMicrosPerEvent() <= GOAL_POSTGRES_MICROS;
    }
}
