package io.storagehub.bench;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one benchmark run does.
 *
 * @param events          events of the first sync, and as many again for the catch-up (the first rebuild's topic
 *                        holds both)
 * @param rebuildEvents   events in the topic for the second, larger rebuild (0: one rebuild only)
 * @param perEventPrefix  events applied one transaction each by the naive baseline
 * @param seed            generator seed
 * @param chain           chain name
 * @param deepFiles       files of the one large bucket added to the query read model (for deep pages)
 * @param connections     concurrent connections of the query load (wrk and pgbench alike)
 * @param querySeconds    duration of each measured query load (after a warm-up of a third of it)
 * @param freshnessRate   events/s of the paced producer
 * @param freshnessSeconds duration of the freshness measurement
 * @param indexerMaxBatch the live indexer's STORAGEHUB_INDEXER_MAX_BATCH
 * @param phases          which of sync, rebuild, query, freshness to run ({@code backfill} is read as sync)
 * @param out             the Markdown report to (re)write
 * @param workDir         logs, recordings and load-tool scripts
 * @param compareChanges  split the live catch-up in two halves, the first with {@code STORAGEHUB_INDEXER_CHANGES=off},
 *                        the second with changes on, and report their events/s and CPU per event side by side
 */
public record BenchOptions(long events, long rebuildEvents, int perEventPrefix, long seed, String chain,
                           int deepFiles, int connections, int querySeconds, int freshnessRate,
                           int freshnessSeconds, int indexerMaxBatch, Set<String> phases, Path out, Path workDir,
                           boolean compareChanges) {
    public static final Set<String> ALL_PHASES = Set.of("sync", "rebuild", "query", "freshness");
    /** The former name of the sync phase, still accepted. */
    static final String SYNC_ALIAS = "backfill";

    public BenchOptions {
        if (events < 10_000) {
            throw new IllegalArgumentException("--events must be >= 10000, got " + events);
        }
        if (rebuildEvents != 0 && rebuildEvents <= syncTopicEvents(events)) {
            throw new IllegalArgumentException("--rebuild-events must be 0 or > 2 x --events (the topic after the "
                    + "first sync and the catch-up), got " + rebuildEvents);
        }
        if (perEventPrefix < 100 || perEventPrefix > events) {
            throw new IllegalArgumentException("--per-event must be in 100..events, got " + perEventPrefix);
        }
        Set<String> named = new LinkedHashSet<>();
        phases.forEach(p -> named.add(SYNC_ALIAS.equals(p) ? "sync" : p));
        phases = Collections.unmodifiableSet(named);
        if (!ALL_PHASES.containsAll(phases) || phases.isEmpty()) {
            throw new IllegalArgumentException("--phases must name some of " + ALL_PHASES + ", got " + phases);
        }
    }

    /** Events in the topic after the sync phase: the first sync's and as many again for the catch-up. */
    public static long syncTopicEvents(long events) {
        return 2 * events;
    }

    public boolean runs(String phase) {
        return phases.contains(phase);
    }
}
