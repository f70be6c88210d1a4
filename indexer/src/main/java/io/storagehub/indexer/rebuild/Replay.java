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
import java.util.ArrayDeque;
import java.util.Deque;
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
 * range of offsets (a verified rebuild catching up with the live indexer). Pipelined: while one batch is applied
 * (one thread, in offset order), the next one read is already being decoded on the common fork-join pool.
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
            // read ahead by one batch: the last batch read is decoded (on other threads) while the one before it
            // is applied, so that decoding and applying overlap
            Deque<BatchProcessor.Decoding> ahead = new ArrayDeque<>();
            while (!remaining.isEmpty() || !ahead.isEmpty()) {
                if (!remaining.isEmpty()) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                    for (TopicPartition tp : records.partitions()) {
                        List<ConsumerRecord<byte[], byte[]>> batch = upTo(records.records(tp), ends.get(tp));
                        if (!batch.isEmpty()) {
                            ahead.add(processor.decodeAhead(batch));
                        }
                    }
                    for (TopicPartition tp : partitions) {
                        if (remaining.contains(tp) && consumer.position(tp) >= ends.get(tp)) {
                            remaining.remove(tp);
                            consumer.pause(List.of(tp));
                        }
                    }
                }
                int keep = remaining.isEmpty() ? 0 : 1;
                while (ahead.size() > keep) {
                    BatchProcessor.Decoding next = ahead.poll();
                    if (!apply(processor, next, progress, positions, backoff)) {
                        readAgain(consumer, next, ahead, remaining);
                        break;
                    }
                }
                progress.maybeLog(positions);
            }
            progress.log(positions, System.nanoTime());
            return progress.records();
        }
    }

    /** The records before {@code end}: all of them, or the ones before the first at or after it. */
    private static List<ConsumerRecord<byte[], byte[]>> upTo(List<ConsumerRecord<byte[], byte[]>> records, long end) {
        int n = records.size();
        while (n > 0 && records.get(n - 1).offset() >= end) {
            n--;
        }
        return n == records.size() ? records : records.subList(0, n);
    }

    private static boolean apply(BatchProcessor processor, BatchProcessor.Decoding batch, RebuildProgress progress,
                                 Map<TopicPartition, Long> positions, Backoff backoff) {
        BatchProcessor.Result result = processor.process(batch);
        if (result instanceof BatchProcessor.Committed committed) {
            backoff.reset();
            progress.add(committed.counts().total());
            positions.put(new TopicPartition(batch.topic(), batch.partition()), committed.nextOffset());
            return true;
        }
        if (result instanceof BatchProcessor.Failed failed) {
            Duration delay = backoff.next();
            log.warn("rebuild batch failed, retrying in {} ms: {}", delay.toMillis(), failed.cause().getMessage());
            pause(delay);
            return false;
        }
        throw new FatalFailure("the rebuild's schema was renamed while the rebuild ran");
    }

    /**
     * A batch was not applied: it and the batches read after it (decoded or not, they are dropped) are read again,
     * each partition from the first of its records not applied.
     */
    private static void readAgain(KafkaConsumer<byte[], byte[]> consumer, BatchProcessor.Decoding failed,
                                  Deque<BatchProcessor.Decoding> ahead, Set<TopicPartition> remaining) {
        Map<TopicPartition, Long> from = new HashMap<>();
        from.put(new TopicPartition(failed.topic(), failed.partition()), failed.firstOffset());
        for (BatchProcessor.Decoding dropped : ahead) {
            from.merge(new TopicPartition(dropped.topic(), dropped.partition()), dropped.firstOffset(), Math::min);
        }
        ahead.clear();
        from.forEach((tp, offset) -> {
            consumer.seek(tp, offset);
            if (remaining.add(tp)) {
                consumer.resume(List.of(tp));
            }
        });
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
