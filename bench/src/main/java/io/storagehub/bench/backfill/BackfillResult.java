package io.storagehub.bench.backfill;

import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.profile.JfrSummary;
import java.util.List;
import java.util.Map;

/**
 * The backfill: {@code events} projected by the live indexer in {@code seconds} (process launch to stored offset
 * at the end; {@code steadySeconds} from the first stored checkpoint), against the COPY ceiling and the
 * transaction-per-event baseline, with where the time went.
 */
public record BackfillResult(long events, double seconds, double steadySeconds, CopyLoad.Result copy,
                             PerEventBaseline.Result perEvent, Map<String, Double> cpuSeconds,
                             Map<String, Double> sessionStates, List<PgStatements.Statement> statements,
                             JfrSummary profile, String verification) {

    public double eventsPerSecond() {
        return events / seconds;
    }

    public double steadyEventsPerSecond() {
        return events / steadySeconds;
    }

    /** COPY time over backfill time for the same final state (goal >= 0.5). */
    public double ofCeiling() {
        return copy.took().toNanos() / 1e9 / seconds;
    }

    /** Backfill events/s over the transaction-per-event projector's (goal >= 25). */
    public double overPerEvent() {
        return eventsPerSecond() / perEvent.eventsPerSecond();
    }
}
