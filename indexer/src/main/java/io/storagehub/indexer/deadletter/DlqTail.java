package io.storagehub.indexer.deadletter;

import io.storagehub.indexer.retry.RetriableFailure;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the last records of every partition of the dead-letter topic (read_committed) and returns the outbox ids
 * they carry. The relay publishes at most {@code batchSize} rows per transaction and recovers after every failed
 * transaction, so the rows of the last committed transaction that may be unmarked in Postgres lie within the
 * last {@code 4 * batchSize + 16} offsets of each partition (the slack covers aborted records and markers).
 */
final class DlqTail {

    private DlqTail() {
    }

    static Set<Long> recentOutboxIds(Consumer<byte[], byte[]> consumer, String topic, int batchSize,
                                     Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        List<TopicPartition> partitions = infos.stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
        long window = 4L * batchSize + 16;
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - window));
        }
        Set<Long> ids = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reachedEnd(consumer, partitions, ends)) {
            if (System.nanoTime() - deadline > 0) {
                throw new RetriableFailure("reading the tail of " + topic + " timed out", null);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                DlqHeaders.text(record.headers(), DlqHeaders.OUTBOX_ID).map(Long::parseLong).ifPresent(ids::add);
            }
        }
        return ids;
    }

    private static boolean reachedEnd(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                      Map<TopicPartition, Long> ends) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < ends.get(tp)) {
                return false;
            }
        }
        return true;
    }
}
