package io.storagehub.indexer.consumer;

import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.indexer.metrics.OutcomeCounts;
import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.SourceOffset;
import io.storagehub.schema.event.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of one partition from one poll, decoded: the events to apply (with the records they came from)
 * and the records that failed to decode. The checkpoint is the offset after the last record.
 */
final class PartitionBatch {
    /** Batches smaller than this are decoded on the calling thread: splitting them costs more than it saves. */
    static final int PARALLEL_FROM = 256;
    private final String topic;
    private final int partition;
    private final long firstOffset;
    private final long nextOffset;
    private final List<Envelope> events = new ArrayList<>();
    private final List<ConsumerRecord<byte[], byte[]>> eventRecords = new ArrayList<>();
    private final List<DeadLetter> poison = new ArrayList<>();

    private PartitionBatch(String topic, int partition, long firstOffset, long nextOffset) {
        this.topic = topic;
        this.partition = partition;
        this.firstOffset = firstOffset;
        this.nextOffset = nextOffset;
    }

    /**
     * {@code records} are one partition's, in offset order, at least one. A large batch is decoded on several
     * threads (decoding is pure CPU work and the records are independent); the result keeps the offset order.
     */
    public static PartitionBatch decode(List<ConsumerRecord<byte[], byte[]>> records, RecordDecoder decoder) {
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        ConsumerRecord<byte[], byte[]> last = records.get(records.size() - 1);
        PartitionBatch batch = new PartitionBatch(first.topic(), first.partition(), first.offset(), last.offset() + 1);
        Decoded[] decodedRecords = new Decoded[records.size()];
        IntStream indexes = IntStream.range(0, records.size());
        (records.size() >= PARALLEL_FROM ? indexes.parallel() : indexes)
                .forEach(i -> decodedRecords[i] = decode(records.get(i), decoder));
        for (int i = 0; i < decodedRecords.length; i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            Decoded decoded = decodedRecords[i];
            if (decoded instanceof Decoded.Event event) {
                batch.events.add(event.envelope());
                batch.eventRecords.add(record);
            } else {
                Decoded.Poison p = (Decoded.Poison) decoded;
                batch.poison.add(letter(record, p.chain(), p.position(), p.kind(), p.message()));
            }
        }
        return batch;
    }

    private static Decoded decode(ConsumerRecord<byte[], byte[]> record, RecordDecoder decoder) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return decoder.decode(key, record.value());
    }

    public Batch batch() {
        return new Batch(events, Optional.of(new SourceOffset(topic, partition, nextOffset)));
    }

    /** The records that failed to decode and the events the projection rejected, in offset order. */
    public List<DeadLetter> deadLetters(BatchResult result) {
        List<DeadLetter> letters = new ArrayList<>(poison);
        List<Outcome> outcomes = result.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.kind() == Outcome.Kind.REJECTED) {
                Envelope event = outcome.event();
                letters.add(letter(eventRecords.get(i), Optional.of(event.chain()), Optional.of(event.position()),
                        outcome.reason().name(), outcome.detail()));
            }
        }
        letters.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        return letters;
    }

    /** How the batch's records were accounted for, given the projection's result. */
    public OutcomeCounts counts(BatchResult result) {
        var counts = result.counts();
        return new OutcomeCounts(counts.get(Outcome.Kind.APPLIED), counts.get(Outcome.Kind.SKIPPED_NOT_PROJECTED),
                counts.get(Outcome.Kind.SKIPPED_DUPLICATE), counts.get(Outcome.Kind.REJECTED) + poison.size());
    }

    private static DeadLetter letter(ConsumerRecord<byte[], byte[]> record, Optional<String> chain,
                                     Optional<io.storagehub.schema.event.Position> position, String kind,
                                     String reason) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), chain, position, kind, reason,
                record.key(), record.value());
    }

    public List<Envelope> events() {
        return events;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long firstOffset() {
        return firstOffset;
    }

    public long nextOffset() {
        return nextOffset;
    }

    public int size() {
        return eventRecords.size() + poison.size();
    }
}
