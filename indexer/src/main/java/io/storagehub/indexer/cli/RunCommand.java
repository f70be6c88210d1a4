package io.storagehub.indexer.cli;

import io.storagehub.config.Settings;
import io.storagehub.indexer.config.BulkConfig;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.HttpConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RebuildConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.rebuild.FirstSync;
import io.storagehub.indexer.run.LiveIndexer;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Consume the events topic and keep the read model up to date until SIGTERM / Ctrl-C.",
                "Serves /metrics, /health and /ready on the HTTP port. Exits 1 on a fatal error (e.g. a schema "
                        + "that does not match this version)."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    IndexerCli parent;

    @Mixin
    ConfigOptions options;

    @Option(names = "--migrate", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Apply pending migrations to the schema at start-up (default: ${DEFAULT-VALUE}); with "
                    + "--no-migrate a schema that is not up to date is a fatal error.")
    boolean migrate;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = options.settings(parent.environment());
        IndexerConfig kafka = IndexerConfig.from(settings);
        DbConfig db = DbConfig.from(settings);
        HttpConfig http = HttpConfig.from(settings);
        RetryConfig retry = RetryConfig.from(settings);
        FirstSync firstSync = new FirstSync(kafka, db, RebuildConfig.from(settings), retry, BulkConfig.from(settings));
        LiveIndexer indexer = LiveIndexer.start(kafka, db, http, retry, migrate, Optional.of(firstSync));
        Thread hook = new Thread(indexer::close, "indexer-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Optional<Throwable> fatal = indexer.awaitTermination();
        if (fatal.isPresent()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            indexer.close();
            parent.spec.commandLine().getErr().println("fatal: " + fatal.get().getMessage());
            return IndexerCli.FAILED;
        }
        return 0;
    }
}
