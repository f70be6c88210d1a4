package io.storagehub.bench.stream;

/**
 * One run of the change-stream benchmark.
 *
 * @param deliveries     changes received by all subscribers after the warm-up (each subscriber's copy counts)
 * @param expected       matching changes all subscribers should have received over the whole run (JSON pages)
 * @param missing        expected changes a subscriber never received
 * @param repeated       changes a subscriber received more than once
 * @param outOfOrder     changes a subscriber received after a later one
 * @param unexpected     changes a subscriber received that its filter's JSON pages do not hold
 * @param disconnected   subscribers whose stream ended before the harness closed it
 * @param apiCpuSeconds  the API process's CPU over the measured seconds
 */
public record StreamResult(int targetRate, double achievedRate, int seconds, int filtered, int unfiltered,
                           int connected, long deliveries, long expected, long missing, long repeated,
                           long outOfOrder, long unexpected, int disconnected, double p50, double p90, double p99,
                           double max, double apiCpuSeconds, long changesInRun) {
}
