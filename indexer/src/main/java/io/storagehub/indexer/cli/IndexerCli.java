package io.storagehub.indexer.cli;

import io.storagehub.config.ConfigException;
import io.storagehub.config.Key;
import io.storagehub.indexer.config.IndexerKeys;
import io.storagehub.indexer.retry.FatalFailure;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code indexer}: the command line of the StorageHub indexer. Exit codes: 0 success, 1 runtime failure (a fatal
 * error, or a command that found problems), 2 bad usage or configuration.
 */
@Command(name = "indexer", mixinStandardHelpOptions = true, version = "storagehub indexer 0.1.0",
        description = "Projects StorageHub chain events from Kafka into the Postgres read model.",
        subcommands = {RunCommand.class, RebuildCommand.class, StatusCommand.class, PublishCommand.class,
                CommandLine.HelpCommand.class})
public final class IndexerCli implements Callable<Integer> {
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    IndexerCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(execute(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /** Runs a command with the given environment and output streams; returns the exit code. */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new IndexerCli(environment));
        listKeys(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("configuration error: " + e.getMessage());
                return USAGE;
            }
            if (e instanceof FatalFailure) {
                commandLine.getErr().println("fatal: " + e.getMessage());
                return FAILED;
            }
            commandLine.getErr().println("failed: " + e);
            e.printStackTrace(commandLine.getErr());
            return FAILED;
        });
        return cli.execute(args);
    }

    /** Every command's help ends with the key catalogue, each key with its default. */
    private static void listKeys(CommandLine cli) {
        String table = Key.table(IndexerKeys.ALL).replace("%", "%%");
        int widest = table.lines().mapToInt(String::length).max().orElse(0);
        cli.setUsageHelpWidth(Math.max(cli.getUsageHelpWidth(), widest + 1));
        List<CommandLine> commands = new ArrayList<>(List.of(cli));
        commands.addAll(cli.getSubcommands().values());
        for (CommandLine command : commands) {
            command.getCommandSpec().usageMessage()
                    .footerHeading("%nConfiguration keys (environment or --config file; default; accepted):%n")
                    .footer(table.split("\\R"));
        }
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }
}
