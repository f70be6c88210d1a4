package io.storagehub.reliability.stream;

/** What the indexer must do with one record (the outcome it must count it under). */
public enum Expect {
    APPLIED("applied"),
    NOT_PROJECTED("skipped_not_projected"),
    DUPLICATE("skipped_duplicate"),
    DEAD_LETTERED("dead_lettered");

    private final String metricOutcome;

    Expect(String metricOutcome) {
        this.metricOutcome = metricOutcome;
    }

    /** The {@code outcome} label of {@code storagehub_indexer_records_total}. */
    public String metricOutcome() {
        return metricOutcome;
    }
}
