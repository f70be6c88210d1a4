package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.indexer.config.BulkConfig;
import io.storagehub.indexer.deadletter.DeadLetterOutbox;
import io.storagehub.indexer.deadletter.DlqHeaders;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.HttpConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RebuildConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.rebuild.FirstSync;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.contract.ExpectedChanges;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.JdbiReadModelExport;
import io.storagehub.projection.jdbi.JdbiStorageQueries;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.testkit.kafka.EventFeed;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.wait.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * One test's world: a fresh topic with its partitions, a read-model schema, configurations for the indexer,
 * a producer that tracks how many records each partition received, and the read side for assertions.
 */
final class Testbed implements AutoCloseable {
    /** Bulk mode on, its state under target/ (a first sync only from 100,000 records: not in these tests). */
    static final BulkConfig BULK = new BulkConfig(Path.of("target", "bulk-state"), true, true,
            BulkConfig.DEFAULT_FIRST_SYNC_MIN_RECORDS);
    static final RetryConfig FAST_RETRY = new RetryConfig(2, Duration.ofMillis(50), Duration.ofMillis(400), 3,
            Duration.ofMillis(300));

    final String topic;
    final int partitions;
    final IndexerConfig kafka;
    final DbConfig db;
    private final EventFeed feed;
    private final Map<Integer, Long> produced = new HashMap<>();
    private final List<LiveIndexer> indexers = new ArrayList<>();
    private HikariDataSource readPool;

    Testbed(int partitions, DbConfig db, int maxBatch) {
        this.topic = TestKafka.uniqueTopic("events");
        this.partitions = partitions;
        TestKafka.createTopic(topic, partitions);
        this.kafka = new IndexerConfig(TestKafka.bootstrapServers(), topic, "indexer-" + topic, topic + ".dlq",
                maxBatch, Duration.ofMillis(100));
        this.db = db;
        this.feed = new EventFeed(TestKafka.bootstrapServers(), topic, "testbed-" + topic, EventFeed.Pace.LIVE);
    }

    static DbConfig db(String jdbcUrl, String user, String password, String schema) {
        return new DbConfig(jdbcUrl, user, password, schema, 4, Duration.ofSeconds(30));
    }

    LiveIndexer startIndexer() {
        return startIndexer(kafka);
    }

    LiveIndexer startIndexer(IndexerConfig config) {
        LiveIndexer indexer = LiveIndexer.start(config, db, new HttpConfig("127.0.0.1", 0), FAST_RETRY, true);
        indexers.add(indexer);
        return indexer;
    }

    /** An indexer that builds an empty read model in bulk when the topic holds at least {@code minRecords}. */
    LiveIndexer startIndexerWithFirstSync(int minRecords) {
        BulkConfig bulk = new BulkConfig(BULK.directory(), true, true, minRecords);
        FirstSync firstSync = new FirstSync(kafka, db, new RebuildConfig(500, Duration.ofMillis(500)), FAST_RETRY,
                bulk);
        LiveIndexer indexer = LiveIndexer.start(kafka, db, new HttpConfig("127.0.0.1", 0), FAST_RETRY, true,
                Optional.of(firstSync));
        indexers.add(indexer);
        return indexer;
    }

    /** Sends the events of each chain to its partition (chain index modulo partitions), in order. */
    void publish(int partition, List<Envelope> events) {
        feed.send(partition, events);
        produced.merge(partition, (long) events.size(), Long::sum);
    }

    void publishRaw(int partition, byte[] key, byte[] value) {
        feed.sendRaw(partition, List.of(new EventFeed.Raw(key, value)));
        produced.merge(partition, 1L, Long::sum);
    }

    long producedTotal() {
        return produced.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized Jdbi jdbi() {
        if (readPool == null) {
            readPool = Pools.create(new PoolConfig(db.jdbcUrl(), db.user(), db.password(), db.schema(), 2,
                    Duration.ofSeconds(30), "test-read", false));
        }
        return Databases.jdbi(readPool);
    }

    /** Whether every partition's stored checkpoint has reached what was produced to it. */
    boolean caughtUp() {
        try {
            JdbiProjection projection = new JdbiProjection(jdbi());
            for (Map.Entry<Integer, Long> p : produced.entrySet()) {
                long stored = projection.checkpoint(topic, p.getKey()).map(SourceOffset::nextOffset).orElse(0L);
                if (stored < p.getValue()) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false; // e.g. the database is down, or the schema is not migrated yet
        }
    }

    long storedOffset(int partition) {
        return new JdbiProjection(jdbi()).checkpoint(topic, partition).map(SourceOffset::nextOffset).orElse(0L);
    }

    /**
     * Waits until the outbox is empty and the DLQ topic holds {@code expected} dead letters, then checks that it
     * holds exactly those, each source record once.
     */
    void assertEveryDeadLetterOnce(int expected, Duration timeout) {
        Wait.until(timeout, "dlq published", () -> jdbi().withHandle(DeadLetterOutbox::counts).pending() == 0
                && DlqReader.count(kafka.dlqTopic()) >= expected);
        var letters = DlqReader.readAll(kafka.dlqTopic());
        assertThat(letters).hasSize(expected);
        assertThat(letters.stream().map(r -> DlqHeaders.text(r.headers(), DlqHeaders.SOURCE_PARTITION).get()
                + "/" + DlqHeaders.text(r.headers(), DlqHeaders.SOURCE_OFFSET).get())
                .collect(Collectors.toSet())).hasSize(expected);
    }

    /** The chain's changes, in position order. */
    List<ChangeView> changes(String chain) {
        return ExpectedChanges.walkChanges(new JdbiStorageQueries(jdbi()), chain, ChangeFilter.NONE, 1000);
    }

    ReadModelSnapshot snapshot(String chain) {
        return new JdbiReadModelExport(jdbi()).snapshot(chain);
    }

    void closeReadPool() {
        if (readPool != null) {
            readPool.close();
            readPool = null;
        }
    }

    @Override
    public void close() {
        for (int i = indexers.size() - 1; i >= 0; i--) {
            indexers.get(i).close();
        }
        feed.close();
        closeReadPool();
    }
}
