package io.storagehub.indexer.cli;

import io.storagehub.config.Settings;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.deadletter.DlqEntry;
import io.storagehub.indexer.deadletter.DlqFilter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show one dead letter by its id (the id column of `dlq list`): everything `list` shows, the "
                + "full reason, where it lies in the dead-letter topic, and the original key and value: "
                + "pretty-printed when JSON, else as text with control characters escaped, else base64.",
                "Exit code 1 when no dead letter has this id."})
final class DlqShowCommand implements Callable<Integer> {

    @ParentCommand
    DlqCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The dead letter's id (its outbox id, >= 1).")
    long id;

    @Option(names = "--json", description = "Print one JSON document: {dlqTopic, deadLetters: [...]}, with key "
            + "and value as {format: json|text|base64|none, bytes, content}.")
    boolean json;

    /** What {@code dlq show --json} prints; more than one dead letter only if outbox ids were reused. */
    record Shown(String dlqTopic, List<DlqView> deadLetters) {
    }

    @Override
    public Integer call() {
        if (id < 1) {
            throw new ParameterException(spec.commandLine(), "ID = " + id
                    + " is invalid: expected an outbox id >= 1");
        }
        Settings settings = options.settings(parent.parent.environment());
        String dlqTopic = IndexerConfig.from(settings).dlqTopic();
        DlqFilter filter = new DlqFilter(OptionalLong.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        List<DlqEntry> found = new ArrayList<>();
        DlqCommand.browse(settings, filter, true, found::add);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, new Shown(dlqTopic, found.stream().map(e -> DlqView.of(e, true)).toList()));
        } else {
            found.forEach(e -> DlqText.show(out, dlqTopic, e));
        }
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("no dead letter with id " + id + " in " + dlqTopic
                    + " or its outbox");
            return IndexerCli.FAILED;
        }
        return 0;
    }
}
