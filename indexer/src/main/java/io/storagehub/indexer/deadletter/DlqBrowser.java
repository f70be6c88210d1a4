package io.storagehub.indexer.deadletter;

import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.consumer.KafkaSettings;
import io.storagehub.indexer.retry.RetriableFailure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the dead letters for operators. The dead-letter topic is the durable record (outbox rows are only a
 * queue and may be pruned or dropped with an old schema), so it is read whole, as a {@code read_committed}
 * consumer without group, from the beginning to the end offsets captured at the start; the outbox adds the rows
 * the relay has not published yet. The outbox is read first: a row published meanwhile is then found in the
 * topic too, and the topic's copy wins; reading the topic first could miss a row published and marked in between.
 */
public final class DlqBrowser {
    private static final int PAGE = 500;
    /** Reading fails when it makes no progress for this long (the end offsets were captured at the start). */
    private static final Duration STALL = Duration.ofSeconds(30);

    private final IndexerConfig config;
    private final Jdbi jdbi;

    public DlqBrowser(IndexerConfig config, Jdbi jdbi) {
        this.config = config;
        this.jdbi = jdbi;
    }

    /** Gives every dead letter that {@code filter} matches to {@code sink}; without key and value bytes unless asked. */
    public void browse(DlqFilter filter, boolean withPayload, Consumer<DlqEntry> sink) {
        Map<String, DlqEntry> pending = pending(filter, withPayload);
        readTopic(entry -> {
            pending.remove(entry.sourceKey());
            if (filter.matches(entry)) {
                sink.accept(withPayload ? entry : entry.withoutPayload());
            }
        });
        pending.values().forEach(sink);
    }

    private Map<String, DlqEntry> pending(DlqFilter filter, boolean withPayload) {
        Map<String, DlqEntry> pending = new LinkedHashMap<>();
        long after = 0;
        while (true) {
            long from = after;
            List<OutboxRow> rows = jdbi.withHandle(h -> DeadLetterOutbox.unpublished(h, from, PAGE));
            for (OutboxRow row : rows) {
                DlqEntry entry = new DlqEntry(OptionalLong.of(row.id()), row.createdAt(), Optional.empty(),
                        row.letter());
                if (filter.matches(entry)) {
                    pending.put(entry.sourceKey(), withPayload ? entry : entry.withoutPayload());
                }
                after = row.id();
            }
            if (rows.size() < PAGE) {
                return pending;
            }
        }
    }

    private void readTopic(Consumer<DlqEntry> sink) {
        Map<String, Object> props = KafkaSettings.standalone(config, "storagehub-indexer-dlq-browser");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.dlqTopic(), STALL).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return; // no dead letter was ever published
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, STALL);
            long lastProgress = System.nanoTime();
            long position = positions(consumer, partitions, ends);
            while (position >= 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        sink.accept(DlqHeaders.read(record));
                    }
                }
                long now = positions(consumer, partitions, ends);
                if (now != position) {
                    lastProgress = System.nanoTime();
                    position = now;
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new RetriableFailure("reading " + config.dlqTopic() + " made no progress for "
                            + STALL.toSeconds() + " s (end offsets " + ends + ")", null);
                }
            }
        }
    }

    /**
     * The sum of the positions of the partitions still short of their end offsets (pausing those that reached
     * it), or -1 when all reached it.
     */
    private static long positions(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                  Map<TopicPartition, Long> ends) {
        long sum = 0;
        boolean done = true;
        for (TopicPartition tp : partitions) {
            long position = consumer.position(tp);
            if (position < ends.get(tp)) {
                sum += position;
                done = false;
            } else if (!consumer.paused().contains(tp)) {
                consumer.pause(List.of(tp));
            }
        }
        return done ? -1 : sum;
    }
}
