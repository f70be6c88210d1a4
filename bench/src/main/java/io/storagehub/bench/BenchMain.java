package io.storagehub.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench/run.sh [options]}: runs the benchmarks and rewrites BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "First sync and catch-up, rebuild, query API and freshness benchmarks, each with a baseline of "
                + "the same run.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "1000000",
            description = "events of the first sync, and as many again behind the catch-up (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--rebuild-events", defaultValue = "3000000",
            description = "topic size for the second rebuild, > 2 x --events; 0 = rebuild only the topic the sync "
                    + "phase left (default ${DEFAULT-VALUE})")
    long rebuildEvents;

    @Option(names = "--per-event", defaultValue = "10000",
            description = "events of the transaction-per-event baseline (default ${DEFAULT-VALUE})")
    int perEvent;

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--chain", defaultValue = "bench", description = "chain name (default ${DEFAULT-VALUE})")
    String chain;

    @Option(names = "--deep-files", defaultValue = "1000100",
            description = "files of the large bucket for deep pages (default ${DEFAULT-VALUE})")
    int deepFiles;

    @Option(names = "--connections", defaultValue = "64", description = "load connections (default ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--query-seconds", defaultValue = "20",
            description = "seconds per measured query load (default ${DEFAULT-VALUE})")
    int querySeconds;

    @Option(names = "--freshness-rate", defaultValue = "5000",
            description = "events/s of the live feed (default ${DEFAULT-VALUE})")
    int freshnessRate;

    @Option(names = "--freshness-seconds", defaultValue = "60",
            description = "seconds of live feed (default ${DEFAULT-VALUE})")
    int freshnessSeconds;

    @Option(names = "--indexer-max-batch", defaultValue = "5000",
            description = "STORAGEHUB_INDEXER_MAX_BATCH of the first sync and the catch-up (default ${DEFAULT-VALUE})")
    int indexerMaxBatch;

    @Option(names = "--phases", split = ",", defaultValue = "sync,rebuild,query,freshness",
            description = "phases to run; backfill = sync (default ${DEFAULT-VALUE})")
    List<String> phases;

    @Option(names = "--compare-changes",
            description = "catch up the first half with STORAGEHUB_INDEXER_CHANGES=off, the second with changes on, "
                    + "and compare them")
    boolean compareChanges;

    @Option(names = "--out", defaultValue = "BENCHMARKS.md", description = "report file (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--work-dir", defaultValue = "bench/target/run",
            description = "logs, JFR recordings, load scripts (default ${DEFAULT-VALUE})")
    Path workDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchOptions options = new BenchOptions(events, rebuildEvents, perEvent, seed, chain, deepFiles, connections,
                querySeconds, freshnessRate, freshnessSeconds, indexerMaxBatch, new LinkedHashSet<>(phases), out,
                workDir.toAbsolutePath(), compareChanges);
        new BenchRun(options).run();
        return 0;
    }
}
