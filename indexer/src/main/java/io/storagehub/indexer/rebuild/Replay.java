package io.storagehub.indexer.rebuild;

import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RebuildConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.consumer.BatchProcessor;
import io.storagehub.indexer.consumer.KafkaSettings;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.retry.Backoff;
import io.storagehub.indexer.retry.FatalFailure;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the topic from its beginning up to the end offsets captured at the start, or a given
 * range of offsets (a verified rebuild catching up with the live indexer).
 */
final class Replay {
    private static final Logger log = LoggerFactory.getLogger(Replay.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final IndexerConfig kafka;
    private final RebuildConfig config;
    private final RetryConfig retry;
    private final IndexerMetrics metrics;

    Replay(IndexerConfig kafka, RebuildConfig config, RetryConfig retry, IndexerMetrics metrics) {
        this.metrics = metrics;
        this.kafka = kafka;
        this.config = config;
        this.retry = retry;
    }

    /** Returns the number of records applied (every outcome counted). */
    long run(BatchProcessor processor) {
        return run(processor, Map.of(), Map.of());
    }

    /**
     * Replays from {@code from} (per partition; the beginning where absent) up to {@code to} (the end offsets
     * captured now where absent). Returns the number of records applied (every outcome counted).
     */
    long run(BatchProcessor processor, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Object> props = KafkaSettings.standalone(kafka, "storagehub-indexer-rebuild");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        props.putAll(KafkaSettings.fetchSizes(config.batchSize()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(kafka.topic(), TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new FatalFailure("topic " + kafka.topic() + " does not exist");
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, TIMEOUT));
            ends.putAll(to);
            Map<TopicPartition, Long> begins = new HashMap<>(consumer.beginningOffsets(partitions, TIMEOUT));
            from.forEach((tp, offset) -> begins.merge(tp, offset, Math::max));
            begins.forEach(consumer::seek);
            log.info("replaying {} from offsets {} up to offsets {}", kafka.topic(), begins, ends);
            RebuildProgress progress = new RebuildProgress(begins, ends, config.progressInterval(), metrics);
            Map<TopicPartition, Long> positions = new HashMap<>(begins);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            remaining.removeIf(tp -> begins.get(tp) >= ends.get(tp));
            consumer.pause(partitions.stream().filter(tp -> !remaining.contains(tp)).toList());
            Backoff backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
            while (!remaining.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                boolean failed = false;
                for (TopicPartition tp : records.partitions()) {
                    List<ConsumerRecord<byte[], byte[]>> batch = records.records(tp).stream()
                            .filter(r -> r.offset() < ends.get(tp)).toList();
                    if (batch.isEmpty()) {
                        continue;
                    }
                    if (failed) {
                        consumer.seek(tp, batch.get(0).offset()); // not applied: read it again
                    } else {
                        failed = !apply(consumer, processor, tp, batch, progress, positions, backoff);
                    }
                }
                for (TopicPartition tp : partitions) {
                    if (remaining.contains(tp) && consumer.position(tp) >= ends.get(tp)) {
                        remaining.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
                progress.maybeLog(positions);
            }
            progress.log(positions, System.nanoTime());
            return progress.records();
        }
    }

    private static boolean apply(KafkaConsumer<byte[], byte[]> consumer, BatchProcessor processor,
                                 TopicPartition tp, List<ConsumerRecord<byte[], byte[]>> batch,
                                 RebuildProgress progress, Map<TopicPartition, Long> positions, Backoff backoff) {
        BatchProcessor.Result result = processor.process(batch);
        if (result instanceof BatchProcessor.Committed committed) {
            backoff.reset();
            progress.add(committed.counts().total());
            positions.put(tp, committed.nextOffset());
            return true;
        }
        if (result instanceof BatchProcessor.Failed failed) {
            consumer.seek(tp, failed.firstOffset());
            Duration delay = backoff.next();
            log.warn("rebuild batch failed, retrying in {} ms: {}", delay.toMillis(), failed.cause().getMessage());
            pause(delay);
            return false;
        }
        throw new FatalFailure("the rebuild's schema was renamed while the rebuild ran");
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FatalFailure("rebuild interrupted", e);
        }
    }
}
