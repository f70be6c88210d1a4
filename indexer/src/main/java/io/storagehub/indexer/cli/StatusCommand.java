package io.storagehub.indexer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.config.Settings;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.consumer.KafkaSettings;
import io.storagehub.indexer.deadletter.DeadLetterOutbox;
import io.storagehub.indexer.deadletter.OutboxCounts;
import io.storagehub.indexer.health.ChainFreshness;
import io.storagehub.indexer.health.ChainStatus;
import io.storagehub.indexer.health.ReadModelSize;
import io.storagehub.indexer.health.ReadModelSizes;
import io.storagehub.indexer.health.StatusReport;
import io.storagehub.indexer.history.TopicHistory;
import io.storagehub.indexer.history.TopicHistoryReader;
import io.storagehub.indexer.retry.Failures;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the stored checkpoint and lag of every partition; every chain's newest indexed block "
                + "with its block time and the lag behind it in seconds; the dead-letter outbox (published / "
                + "pending); the topic's history (retention, earliest offsets, whether it was truncated); and the "
                + "read model's size: rows and bytes per table (rows marked ~ are the planner's estimates, for "
                + "tables of 100000 rows or more) and the database's bytes.",
                "--json prints the same as one JSON document."})
final class StatusCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @ParentCommand
    IndexerCli parent;

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print one JSON document instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        Settings settings = options.settings(parent.environment());
        IndexerConfig kafka = IndexerConfig.from(settings);
        DbConfig db = DbConfig.from(settings);
        StatusReport report = read(kafka, db, Clock.systemUTC());
        PrintWriter out = parent.spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, report);
        } else {
            out.print(report.render());
            out.flush();
        }
        return 0;
    }

    static StatusReport read(IndexerConfig kafka, DbConfig db, Clock clock) {
        try (HikariDataSource pool = Pools.create(new PoolConfig(db.jdbcUrl(), db.user(), db.password(),
                db.schema(), 1, db.statementTimeout(), "storagehub-status", true));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                     KafkaSettings.standalone(kafka, "storagehub-indexer-status"))) {
            Jdbi jdbi = Databases.jdbi(pool);
            JdbiProjection projection = new JdbiProjection(jdbi);
            List<TopicPartition> partitions = consumer.partitionsFor(kafka.topic(), TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            List<StatusReport.PartitionStatus> rows = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                OptionalLong stored = projection.checkpoint(tp.topic(), tp.partition())
                        .map(c -> OptionalLong.of(c.nextOffset())).orElse(OptionalLong.empty());
                rows.add(new StatusReport.PartitionStatus(tp.partition(), stored, ends.get(tp)));
            }
            OutboxCounts outbox = jdbi.withHandle(DeadLetterOutbox::counts);
            Instant now = clock.instant();
            List<ChainStatus> chains = jdbi.withHandle(h -> ChainFreshness.read(h, now));
            ReadModelSize size = jdbi.withHandle(h -> ReadModelSizes.read(h, db.schema()));
            TopicHistory history = TopicHistoryReader.read(kafka.client(), kafka.topic(), TIMEOUT);
            return new StatusReport(kafka.topic(), db.schema(), now, rows, chains, outbox, history, size);
        } catch (RuntimeException e) {
            throw Failures.classify("reading the indexer status", e);
        }
    }

}
