package io.storagehub.bench.backfill;

import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.profile.JfrSummary;
import java.util.List;
import java.util.Map;

/**
 * One run of the real indexer until caught up: {@code events} stored in {@code seconds} (process launch to stored
 * offset at the topic's end) using {@code cpuSeconds} per process; {@code steadyEvents} of them in
 * {@code steadySeconds} using {@code steadyCpuSeconds} from its first stored checkpoint on (without the JVM's start,
 * the consumer group's join and the first batch), with where the time went.
 */
public record IndexerRunResult(long events, double seconds, Map<String, Double> cpuSeconds, long steadyEvents,
                               double steadySeconds, Map<String, Double> steadyCpuSeconds,
                               Map<String, Double> sessionStates, List<PgStatements.Statement> statements,
                               JfrSummary profile) {
    public static final String INDEXER = "indexer process";
    public static final String POSTGRES = "Postgres (all backends)";
    public static final String HARNESS = "harness process (Kafka broker)";

    public double eventsPerSecond() {
        return events / seconds;
    }

    public double steadyEventsPerSecond() {
        return steadyEvents / steadySeconds;
    }

    /** CPU microseconds per event of {@code process} (one of the keys above) over the whole run. */
    public double microsPerEvent(String process) {
        return cpuSeconds.getOrDefault(process, Double.NaN) * 1e6 / events;
    }

    /** CPU microseconds per event of {@code process} from the first stored checkpoint on. */
    public double steadyMicrosPerEvent(String process) {
        return steadyCpuSeconds.getOrDefault(process, Double.NaN) * 1e6 / steadyEvents;
    }
}
