package io.storagehub.indexer.metrics;

/** How the records of one batch were accounted for; every record has exactly one outcome. */
public record OutcomeCounts(int applied, int skippedNotProjected, int skippedDuplicate, int deadLettered) {

    public int total() {
        return applied + skippedNotProjected + skippedDuplicate + deadLettered;
    }
}
