package io.storagehub.bench.rebuild;

import io.storagehub.bench.backfill.CopyLoad;
import io.storagehub.bench.profile.JfrSummary;
import java.util.Map;

/**
 * One rebuild ({@code IndexerCli rebuild}, {@code IndexerJvm.REBUILD}) over {@code events}: the process's wall
 * time, the heap its GC log shows, and (for the measured size) the COPY time of the rows it produced.
 */
public record RebuildResult(long events, double seconds, GcLog heap, CopyLoad.Result copy,
                            Map<String, Double> cpuSeconds, JfrSummary profile) {

    public double eventsPerSecond() {
        return events / seconds;
    }

    /** Rebuild time over the COPY time of the resulting rows (goal <= 2). */
    public double overCopy() {
        return seconds / (copy.took().toNanos() / 1e9);
    }
}
