package io.storagehub.indexer.cli;

import io.storagehub.config.ConfigException;
import io.storagehub.config.Settings;
import io.storagehub.indexer.config.BulkConfig;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RebuildConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.rebuild.Rebuild;
import io.storagehub.indexer.rebuild.VerifyFailedException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {"Rebuild the read model from the beginning of the topic into a fresh schema "
                + "(<schema>_rebuild_<timestamp>) while the live schema keeps serving, then switch it in "
                + "atomically; the old schema is kept as <schema>_old_<timestamp> unless --drop-old.",
                "Progress (records/s, offset per partition, ETA) is logged every few seconds. The topic must "
                        + "keep its whole history (retention.ms=-1, no compaction): a rebuild is refused when a "
                        + "partition no longer starts at offset 0, and warns when the retention is finite.",
                "A rebuild is a batch job: run it on the throughput collector, "
                        + "java -XX:+UseParallelGC -jar <indexer jar> rebuild (indexer/README, JVM options)."})
final class RebuildCommand implements Callable<Integer> {

    @ParentCommand
    IndexerCli parent;

    @Mixin
    ConfigOptions options;

    @Option(names = "--from-block", paramLabel = "N",
            description = "Project only events of blocks >= N; earlier events are read and counted as not "
                    + "projected.")
    Long fromBlock;

    @Option(names = "--drop-old", description = "Drop the old live schema after the switch.")
    boolean dropOld;

    @Option(names = "--verify", description = {"Before the switch, compare the rebuilt schema with the live one at "
            + "the same position: waits for the live indexer to reach the rebuild's offsets (2 min at most), then, "
            + "while it is paused by the switch's lock, replays what it applied since and compares every table "
            + "(row counts, row digests, and the differing rows, capped). A difference refuses the switch and keeps "
            + "the rebuilt schema for inspection (exit status 1)."})
    boolean verify;

    @Option(names = "--force", description = "With --verify: switch even when the schemas differ (the report is "
            + "still printed).")
    boolean force;

    @Option(names = "--allow-truncated-history",
            description = "Rebuild even when the topic no longer holds its whole history (a partition's earliest "
                    + "offset is above 0): the deleted events are missing from the rebuilt read model.")
    boolean allowTruncatedHistory;

    @Override
    public Integer call() {
        Settings settings = options.settings(parent.environment());
        if (fromBlock != null && fromBlock < 0) {
            throw new ConfigException("--from-block = " + fromBlock
                    + " is invalid: expected a block number >= 0");
        }
        if (force && !verify) {
            throw new ConfigException("--force is only meaningful with --verify");
        }
        Rebuild rebuild = new Rebuild(IndexerConfig.from(settings), DbConfig.from(settings),
                RebuildConfig.from(settings), RetryConfig.from(settings), BulkConfig.from(settings),
                Clock.systemUTC());
        PrintWriter out = parent.spec.commandLine().getOut();
        CollectorHint.forRebuild(CollectorHint.running()).ifPresent(parent.spec.commandLine().getErr()::println);
        Rebuild.Result result;
        try {
            result = rebuild.run(new Rebuild.Options(
                    fromBlock == null ? OptionalLong.empty() : OptionalLong.of(fromBlock), dropOld,
                    allowTruncatedHistory, verify, force));
        } catch (VerifyFailedException e) {
            out.print(e.report().render());
            out.flush();
            parent.spec.commandLine().getErr().println("refused: " + e.getMessage());
            return IndexerCli.FAILED;
        }
        if (result.history().truncated() || result.history().finiteRetention()) {
            parent.spec.commandLine().getErr().println("warning: " + result.history().describe());
        }
        result.verified().ifPresent(report -> out.print(report.render()));
        out.printf("rebuilt %s from %d records in %s; old schema: %s%n", result.liveSchema(), result.records(),
                result.took(), result.oldSchema().orElse(dropOld ? "dropped" : "none"));
        out.flush();
        return 0;
    }
}
