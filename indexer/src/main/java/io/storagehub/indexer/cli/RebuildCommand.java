package io.storagehub.indexer.cli;

import io.storagehub.config.ConfigException;
import io.storagehub.config.Settings;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RebuildConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.rebuild.Rebuild;
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
                        + "keep its whole history (retention.ms=-1, no compaction)."})
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

    @Override
    public Integer call() {
        Settings settings = options.settings(parent.environment());
        if (fromBlock != null && fromBlock < 0) {
            throw new ConfigException("--from-block = " + fromBlock
                    + " is invalid: expected a block number >= 0");
        }
        Rebuild rebuild = new Rebuild(IndexerConfig.from(settings), DbConfig.from(settings),
                RebuildConfig.from(settings), RetryConfig.from(settings), Clock.systemUTC());
        Rebuild.Result result = rebuild.run(new Rebuild.Options(
                fromBlock == null ? OptionalLong.empty() : OptionalLong.of(fromBlock), dropOld));
        PrintWriter out = parent.spec.commandLine().getOut();
        out.printf("rebuilt %s from %d records in %s; old schema: %s%n", result.liveSchema(), result.records(),
                result.took(), result.oldSchema().orElse(dropOld ? "dropped" : "none"));
        out.flush();
        return 0;
    }
}
