package io.storagehub.indexer.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.indexer.metrics.OutcomeCounts;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.SourceOffset;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.testkit.chain.ChainScript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PartitionBatchTest {
    private final ChainScript chain = ChainScript.on("alpha");
    private final Envelope first = chain.mspSignUp(1, 1);
    private final Envelope second = chain.bspSignUp(2);
    private final Envelope third = chain.notProjected();
    private final Map<String, Envelope> byValue = Map.of("e1", first, "e2", second, "e3", third);
    private final RecordDecoder decoder = (key, value) -> {
        String text = new String(value, StandardCharsets.UTF_8);
        Envelope event = byValue.get(text);
        return event != null
                ? new Decoded.Event(event)
                : new Decoded.Poison("NOT_JSON", "not json: " + text, Optional.empty(), Optional.empty());
    };

    private static ConsumerRecord<byte[], byte[]> record(long offset, String value) {
        return new ConsumerRecord<>("events", 3, offset, "alpha".getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void batch_holdsTheDecodedEvents_andTheOffsetAfterTheLastRecord() {
        // when
        PartitionBatch batch = PartitionBatch.decode(
                List.of(record(10, "e1"), record(11, "garbage"), record(12, "e2")), decoder);
        // then
        assertThat(batch.batch().events()).containsExactly(first, second);
        assertThat(batch.batch().checkpoint()).contains(new SourceOffset("events", 3, 13));
        assertThat(batch.firstOffset()).isEqualTo(10);
        assertThat(batch.size()).isEqualTo(3);
    }

    @Test
    void deadLetters_areDecodeFailuresAndRejects_withTheirOwnOffsetsAndBytes() {
        // given
        PartitionBatch batch = PartitionBatch.decode(
                List.of(record(10, "e1"), record(11, "garbage"), record(12, "e2"), record(13, "e3")), decoder);
        BatchResult result = new BatchResult(List.of(Outcome.applied(first),
                Outcome.rejected(second, Outcome.RejectReason.ALREADY_EXISTS, "BSP exists"),
                Outcome.notProjected(third)));
        // when
        List<DeadLetter> letters = batch.deadLetters(result);
        // then
        assertThat(letters).extracting(DeadLetter::offset).containsExactly(11L, 12L);
        DeadLetter poison = letters.get(0);
        assertThat(poison.reasonKind()).isEqualTo("NOT_JSON");
        assertThat(poison.reason()).isEqualTo("not json: garbage");
        assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(poison.partition()).isEqualTo(3);
        DeadLetter reject = letters.get(1);
        assertThat(reject.reasonKind()).isEqualTo("ALREADY_EXISTS");
        assertThat(reject.reason()).isEqualTo("BSP exists");
        assertThat(reject.chain()).contains("alpha");
        assertThat(reject.position()).contains(new Position(second.block().number(), second.index()));
        assertThat(new String(reject.value(), StandardCharsets.UTF_8)).isEqualTo("e2");
    }

    @Test
    void counts_accountForEveryRecordOnce() {
        // given
        PartitionBatch batch = PartitionBatch.decode(
                List.of(record(0, "e1"), record(1, "x"), record(2, "e2"), record(3, "e3")), decoder);
        BatchResult result = new BatchResult(List.of(Outcome.applied(first), Outcome.duplicate(second),
                Outcome.notProjected(third)));
        // when
        OutcomeCounts counts = batch.counts(result);
        // then
        assertThat(counts).isEqualTo(new OutcomeCounts(1, 1, 1, 1));
        assertThat(counts.total()).isEqualTo(batch.size());
    }

    @Test
    void aLargeBatch_decodedOnSeveralThreads_keepsTheOffsetOrder() {
        // given: more records than decode on one thread, events and poison interleaved
        int size = PartitionBatch.PARALLEL_FROM * 8;
        List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
        List<Envelope> expected = new java.util.ArrayList<>();
        List<Envelope> events = List.of(first, second, third);
        for (int i = 0; i < size; i++) {
            boolean poison = i % 7 == 3;
            records.add(record(i, poison ? "poison-" + i : "e" + (i % 3 + 1)));
            if (!poison) {
                expected.add(events.get(i % 3));
            }
        }
        // when
        PartitionBatch batch = PartitionBatch.decode(records, decoder);
        // then
        assertThat(batch.batch().events()).containsExactlyElementsOf(expected);
        List<DeadLetter> letters = batch.deadLetters(new BatchResult(expected.stream().map(Outcome::applied).toList()));
        assertThat(letters).extracting(DeadLetter::offset).isSorted().allMatch(offset -> offset % 7 == 3);
        assertThat(letters).hasSize((int) java.util.stream.IntStream.range(0, size).filter(i -> i % 7 == 3).count());
        assertThat(letters).allMatch(l -> l.reason().equals("not json: poison-" + l.offset()));
    }
}
