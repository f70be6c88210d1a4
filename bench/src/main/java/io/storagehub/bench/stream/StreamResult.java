package io.storagehub.bench.stream;

/**
 * One run of the change-stream benchmark.
 *
 * @param buckets        distinct buckets the filtered subscribers follow (fewer than them where the chain has
 *                       fewer live buckets)
 * @param backlogEvents  records the previous phases left in the topic unapplied, which the indexer applied
 *                       before the feed started
 * @param backlogSeconds how long applying them took
 * @param warmupSeconds  how long the feed ran before the measured window opened
 * @param caughtUp       whether the indexer kept up with the feed when it opened
 * @param deliveriesTimely whether, when it opened, the deliveries to the sampled subscribers over the last second
 *                       were timely (at least one, each within the goal's 250 ms of its commit); the window opens
 *                       before the warm-up's bound only when this and {@code caughtUp} both hold
 * @param deliveries     changes received by all subscribers after the warm-up (each subscriber's copy counts)
 * @param expected       matching changes all subscribers should have received over the whole run (JSON pages)
 * @param missing        expected changes a subscriber never received
 * @param repeated       changes a subscriber received more than once
 * @param outOfOrder     changes a subscriber received after a later one
 * @param unexpected     changes a subscriber received that its filter's JSON pages do not hold
 * @param disconnected   subscribers whose stream ended before the harness closed it
 * @param apiCpuSeconds  the API process's CPU over the measured seconds
 * @param filteredGroup  the deliveries to the subscribers following one bucket
 * @param unfilteredGroup the deliveries to the subscribers following every change
 */
public record StreamResult(int targetRate, double achievedRate, int seconds, long backlogEvents,
                           double backlogSeconds, double warmupSeconds,
                           boolean caughtUp, boolean deliveriesTimely, int filtered, int buckets,
                           int unfiltered, int connected, long deliveries, long expected, long missing, long repeated,
                           long outOfOrder, long unexpected, int disconnected, double p50, double p90, double p99,
                           double max, double apiCpuSeconds, long changesInRun,
                           Group filteredGroup, Group unfilteredGroup) {

    /** The timed deliveries to one kind of subscriber, and their percentiles in ms. */
    public record Group(long deliveries, double p50, double p99) {
    }
}
