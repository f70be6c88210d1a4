package io.storagehub.bench.backfill;

/**
 * What storing changes costs the live path: three catch-ups of as many events each, changes stored, then switched
 * off ({@link #OFF_KEY}{@code =off}), then stored again. Comparing the mean of the two outer runs with the middle
 * one cancels a drift that grows with the read model.
 */
public record ChangesCostResult(CatchUpResult on, CatchUpResult off, CatchUpResult onAgain) {
    /** The indexer setting that switches the storing of changes off. */
    public static final String OFF_KEY = "STORAGEHUB_INDEXER_CHANGES";
    /** Goal: with changes stored, at least this share of the events/s without. */
    public static final double GOAL_SHARE = 0.85;

    public double onEventsPerSecond() {
        return (on.run().eventsPerSecond() + onAgain.run().eventsPerSecond()) / 2;
    }

    /** Events/s with changes stored as a share of events/s without. */
    public double share() {
        return onEventsPerSecond() / off.run().eventsPerSecond();
    }

    public boolean met() {
        return share() >= GOAL_SHARE;
    }
}
