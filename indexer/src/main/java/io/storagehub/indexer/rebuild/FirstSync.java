package io.storagehub.indexer.rebuild;

import io.storagehub.indexer.config.BulkConfig;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RebuildConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.consumer.KafkaSettings;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.retry.FatalFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first sync of a new deployment in bulk mode: when {@code indexer run} starts on an empty read model (no
 * stored checkpoint, no chain) and the topic already holds at least
 * {@link BulkConfig#firstSyncMinRecords()} records, the read model is built as a rebuild builds it (state store,
 * {@code COPY}, switch) into {@code <schema>_first_sync}, and the indexer then continues live from the stored
 * offsets. Instances of one read model take turns through an advisory lock, and each checks again once it holds
 * it: only the first builds. A first sync that stopped (crash, kill) left its shadow schema behind: the next start
 * drops it, says so, and begins again.
 */
public final class FirstSync {
    private static final Logger log = LoggerFactory.getLogger(FirstSync.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LOCK_POLL = Duration.ofSeconds(1);

    private final IndexerConfig kafka;
    private final DbConfig db;
    private final RebuildConfig rebuild;
    private final RetryConfig retry;
    private final BulkConfig bulk;

    public FirstSync(IndexerConfig kafka, DbConfig db, RebuildConfig rebuild, RetryConfig retry, BulkConfig bulk) {
        this.kafka = kafka;
        this.db = db;
        this.rebuild = rebuild;
        this.retry = retry;
        this.bulk = bulk;
    }

    /** The shadow schema a first sync builds in. */
    public static String shadowSchema(String schema) {
        return schema + "_first_sync";
    }

    /**
     * Runs a bulk first sync if the read model needs one; returns whether it did. {@code live}: the live schema;
     * {@code metrics}: the indexer's, where the first sync's batches and progress show.
     */
    public boolean runIfNeeded(Jdbi live, IndexerMetrics metrics) {
        if (!bulk.firstSync()) {
            return false;
        }
        return live.withHandle(handle -> {
            lock(handle);
            try {
                return runLocked(live, handle, metrics);
            } finally {
                handle.createQuery("SELECT pg_advisory_unlock(hashtext(:key))").bind("key", lockKey())
                        .mapTo(Boolean.class).one();
            }
        });
    }

    private boolean runLocked(Jdbi live, Handle handle, IndexerMetrics metrics) {
        boolean empty = handle.createQuery("SELECT NOT EXISTS (SELECT 1 FROM source_checkpoint)"
                + " AND NOT EXISTS (SELECT 1 FROM chain_position)").mapTo(Boolean.class).one();
        if (!empty) {
            return false;
        }
        long records = records();
        if (records < bulk.firstSyncMinRecords()) {
            log.atInfo().addKeyValue("records", records).addKeyValue("minRecords", bulk.firstSyncMinRecords())
                    .log("first sync: few records, indexing them batch by batch");
            return false;
        }
        String shadow = shadowSchema(db.schema());
        if (SchemaSwitch.exists(live, shadow)) {
            log.atWarn().addKeyValue("schema", shadow).log("first sync: an interrupted first sync left its shadow "
                    + "schema behind; dropping it and starting again");
            SchemaSwitch.drop(live, shadow);
        }
        log.atInfo().addKeyValue("records", records).addKeyValue("schema", shadow).addKeyValue("state",
                bulk.stateOf(shadow)).log("first sync: empty read model, building it in bulk mode");
        Rebuild.Result result = new Rebuild(kafka, db, rebuild, retry, bulk.forRebuild(), Clock.systemUTC())
                .run(new Rebuild.Options(OptionalLong.empty(), true, true), shadow, db.schema() + "_first_sync_old", metrics);
        log.atInfo().addKeyValue("records", result.records()).addKeyValue("took", result.took())
                .log("first sync finished; continuing live from the stored offsets");
        return true;
    }

    private void lock(Handle handle) {
        boolean announced = false;
        while (!handle.createQuery("SELECT pg_try_advisory_lock(hashtext(:key))").bind("key", lockKey())
                .mapTo(Boolean.class).one()) {
            if (!announced) {
                log.info("first sync: another instance is checking or building the read model; waiting for it");
                announced = true;
            }
            LockSupport.parkNanos(LOCK_POLL.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new FatalFailure("interrupted while waiting for another instance's first sync");
            }
        }
    }

    private String lockKey() {
        return "storagehub-first-sync/" + db.schema();
    }

    /** Records in the topic now: per partition, end offset minus earliest offset. */
    private long records() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                KafkaSettings.standalone(kafka, "storagehub-indexer-first-sync"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(kafka.topic(), TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, TIMEOUT);
            return partitions.stream().mapToLong(tp -> ends.get(tp) - begins.get(tp)).sum();
        }
    }
}
