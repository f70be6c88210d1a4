package io.storagehub.indexer.cli;

import io.storagehub.config.Settings;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.deadletter.DlqFilter;
import io.storagehub.indexer.deadletter.DlqSelection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List dead letters, oldest first: id, time, chain, position (block:index, when the "
                + "envelope was readable), source record (topic/partition@offset) and reason (kind: detail).",
                "Shows the newest --limit of those matching the filters and how many matched. Pending ones (in "
                        + "the outbox, not yet in the dead-letter topic) are marked *.",
                "Examples: indexer dlq list --reason UNKNOWN_ENTITY --since 2h",
                "          indexer dlq list --chain devnet --since 2026-12-01 --until 2026-12-02",
                "          indexer dlq list --limit 1000 --json"})
final class DlqListCommand implements Callable<Integer> {
    static final int MAX_LIMIT = 100_000;

    @ParentCommand
    DlqCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Mixin
    DlqFilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Show at most the newest N matching dead letters (1.." + MAX_LIMIT
                    + ", default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print one JSON document: {dlqTopic, matched, shown, deadLetters}.")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit = " + limit + " is invalid: expected 1.."
                    + MAX_LIMIT);
        }
        DlqFilter filter = filters.filter(spec.commandLine());
        Settings settings = options.settings(parent.parent.environment());
        String dlqTopic = IndexerConfig.from(settings).dlqTopic();
        DlqSelection selection = new DlqSelection(limit);
        DlqCommand.browse(settings, filter, false, selection);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, new DlqView.Listing(dlqTopic, selection.matched(), selection.entries().size(),
                    selection.entries().stream().map(e -> DlqView.of(e, false)).toList()));
        } else {
            DlqText.list(out, dlqTopic, selection.matched(), selection.entries());
        }
        return 0;
    }
}
