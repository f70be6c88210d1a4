package io.storagehub.indexer.deadletter;

import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.consumer.KafkaSettings;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.retry.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the dead-letter outbox to the dead-letter topic, each row exactly once. Only the holder of a Postgres
 * advisory lock runs; its transactional producer has a fixed {@code transactional.id}, so a relay that lost the
 * lock without noticing is fenced by the broker. Rows are sent in a Kafka transaction, then marked published in
 * Postgres. A crash between the two leaves rows unmarked that are already in the topic; so whenever a producer
 * starts, the relay first reads the topic's tail and marks the rows whose outbox ids it finds there.
 */
public final class DeadLetterRelay implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterRelay.class);
    static final int BATCH = 200;
    private static final Duration IDLE = Duration.ofMillis(500);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final IndexerConfig config;
    private final RelayLock lock;
    private final IndexerMetrics metrics;
    private final Backoff backoff;
    private final Semaphore signal = new Semaphore(0);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Producer<byte[], byte[]> producer;
    private volatile boolean leader;

    /** {@code schema} names the outbox (the live read model's schema), so each read model has its own lock. */
    public DeadLetterRelay(Jdbi jdbi, String schema, IndexerConfig config, RetryConfig retry,
                           IndexerMetrics metrics) {
        this.config = config;
        this.lock = new RelayLock(jdbi, "storagehub-dlq-relay/" + schema + "/" + config.dlqTopic());
        this.metrics = metrics;
        this.backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
    }

    /** The fixed transactional id of the relay for a dead-letter topic. */
    public static String transactionalId(String dlqTopic) {
        return "storagehub-dlq-relay-" + dlqTopic;
    }

    /** Wakes the relay: new rows were committed to the outbox. */
    public void signal() {
        signal.release();
    }

    @Override
    public void run() {
        try {
            while (stop.getCount() > 0) {
                try {
                    if (!lock.tryAcquire()) {
                        leader = false;
                        await(IDLE.multipliedBy(4));
                        continue;
                    }
                    leader = true;
                    if (producer == null) {
                        startProducer();
                    }
                    int published = publishRound();
                    backoff.reset();
                    if (published == 0) {
                        await(IDLE);
                    }
                } catch (ProducerFencedException | InvalidProducerEpochException e) {
                    log.warn("dead-letter relay fenced by another relay; stepping down: {}", e.toString());
                    reset();
                    await(backoff.next());
                } catch (RuntimeException e) {
                    Duration delay = backoff.next();
                    log.warn("dead-letter relay failed, retrying in {} ms: {}", delay.toMillis(), e.toString());
                    reset();
                    await(delay);
                }
            }
        } finally {
            reset();
            stopped.countDown();
        }
    }

    private void startProducer() {
        DlqTopic.ensure(config.client(), config.dlqTopic(), KAFKA_TIMEOUT);
        producer = RelayProducer.create(config.client(), transactionalId(config.dlqTopic()));
        producer.initTransactions();
        Set<Long> inTopic;
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(
                KafkaSettings.standalone(config, "storagehub-dlq-relay-tail"))) {
            inTopic = DlqTail.recentOutboxIds(reader, config.dlqTopic(), BATCH, KAFKA_TIMEOUT);
        }
        int marked = DeadLetterOutbox.markPublished(lock.handle(), inTopic);
        log.atInfo().addKeyValue("topic", config.dlqTopic()).addKeyValue("recovered", marked)
                .log("dead-letter relay started; rows found in the topic's tail marked published");
    }

    private int publishRound() {
        List<OutboxRow> rows = DeadLetterOutbox.unpublished(lock.handle(), 0, BATCH);
        if (rows.isEmpty()) {
            return 0;
        }
        producer.beginTransaction();
        for (OutboxRow row : rows) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(config.dlqTopic(), null,
                    row.letter().key(), row.letter().value());
            DlqHeaders.write(record.headers(), row.id(), row.letter());
            producer.send(record);
        }
        producer.commitTransaction();
        DeadLetterOutbox.markPublished(lock.handle(), rows.stream().map(OutboxRow::id).toList());
        metrics.deadLettersPublished(rows.size());
        log.atInfo().addKeyValue("count", rows.size()).addKeyValue("lastId", rows.get(rows.size() - 1).id())
                .log("dead letters published");
        return rows.size();
    }

    private void reset() {
        leader = false;
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("closing the relay producer: {}", e.toString());
            }
            producer = null;
        }
        lock.close();
    }

    private void await(Duration delay) {
        try {
            if (signal.tryAcquire(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                signal.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.countDown();
        }
    }

    /** True while this relay holds the lock and publishes. */
    public boolean leader() {
        return leader;
    }

    public void shutdown() {
        stop.countDown();
        signal.release();
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
