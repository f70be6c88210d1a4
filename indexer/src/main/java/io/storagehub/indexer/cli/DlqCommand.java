package io.storagehub.indexer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.config.Settings;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.deadletter.DlqBrowser;
import io.storagehub.indexer.deadletter.DlqEntry;
import io.storagehub.indexer.deadletter.DlqFilter;
import io.storagehub.indexer.retry.Failures;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = {"Browse the dead letters: the poison records the indexer set aside, with why.",
                "They are read from the dead-letter topic (the durable record, <topic>.dlq by default) from its "
                        + "beginning to its end at the start of the command, plus the dead-letter outbox's rows "
                        + "not yet published (marked pending). Ids are the outbox ids (header dlq.outbox.id)."},
        subcommands = {DlqListCommand.class, DlqShowCommand.class, CommandLine.HelpCommand.class})
final class DlqCommand implements Callable<Integer> {

    @ParentCommand
    IndexerCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return IndexerCli.USAGE;
    }

    /** Reads every dead letter {@code filter} matches into {@code sink}, with key and value when asked. */
    static void browse(Settings settings, DlqFilter filter, boolean withPayload, Consumer<DlqEntry> sink) {
        IndexerConfig kafka = IndexerConfig.from(settings);
        DbConfig db = DbConfig.from(settings);
        try (HikariDataSource pool = Pools.create(new PoolConfig(db.jdbcUrl(), db.user(), db.password(),
                db.schema(), 1, db.statementTimeout(), "storagehub-dlq", true))) {
            new DlqBrowser(kafka, Databases.jdbi(pool)).browse(filter, withPayload, sink);
        } catch (RuntimeException e) {
            throw Failures.classify("reading the dead letters of " + kafka.dlqTopic(), e);
        }
    }
}
