package io.storagehub.indexer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.config.Settings;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.consumer.KafkaSettings;
import io.storagehub.indexer.deadletter.DeadLetterOutbox;
import io.storagehub.indexer.deadletter.OutboxCounts;
import io.storagehub.indexer.health.StatusReport;
import io.storagehub.indexer.retry.Failures;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import java.time.Duration;
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
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the stored checkpoint and lag of every partition, the last indexed position of every "
                + "chain, and the dead-letter outbox (published / pending).")
final class StatusCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @ParentCommand
    IndexerCli parent;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        Settings settings = options.settings(parent.environment());
        IndexerConfig kafka = IndexerConfig.from(settings);
        DbConfig db = DbConfig.from(settings);
        parent.spec.commandLine().getOut().print(read(kafka, db).render());
        parent.spec.commandLine().getOut().flush();
        return 0;
    }

    static StatusReport read(IndexerConfig kafka, DbConfig db) {
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
            return new StatusReport(kafka.topic(), db.schema(), rows, projection.chainPositions(), outbox);
        } catch (RuntimeException e) {
            throw Failures.classify("reading the indexer status", e);
        }
    }

}
