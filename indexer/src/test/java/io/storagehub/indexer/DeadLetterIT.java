package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.deadletter.DeadLetterOutbox;
import io.storagehub.indexer.deadletter.DlqHeaders;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainScript;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Poison records land in the dead-letter topic once each, with their bytes, source and reason. */
class DeadLetterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final byte[] KEY = "alpha".getBytes(StandardCharsets.UTF_8);
    private final EventEncoder encoder = new EventEncoder();
    private final List<byte[]> values = new ArrayList<>();
    private IsolatedSchema schema;
    private Testbed testbed;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.isolatedSchema();
        testbed = new Testbed(1, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(), schema.name()), 100);
    }

    @AfterEach
    void tearDown() throws Exception {
        testbed.close();
        schema.close();
    }

    private void send(byte[] key, byte[] value) {
        testbed.publishRaw(0, key, value);
        values.add(value);
    }

    /** Offsets 0..11: 2 applied, 8 poison (offsets 2..9), 1 duplicate, 1 not projected. */
    private void publishMixedStream() {
        ChainScript chain = ChainScript.on("alpha");
        Envelope msp = chain.mspSignUp(1, 1);
        Envelope bsp = chain.bspSignUp(2);
        send(KEY, encoder.encode(msp));
        send(KEY, encoder.encode(bsp));
        send(KEY, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        send(KEY, "{\"v\":1,".getBytes(StandardCharsets.UTF_8));
        send(KEY, Poison.withVersion(chain.notProjected(), 2));
        send("beta".getBytes(StandardCharsets.UTF_8), encoder.encode(chain.notProjected()));
        send(KEY, Poison.withoutDataField(chain.bspSignUp(3), "who"));
        send(KEY, encoder.encode(chain.bspConfirmed(2, 77)));
        send(KEY, encoder.encode(chain.mspSignUp(1, 1)));
        send(KEY, encoder.encode(new Envelope("alpha", msp.block(), msp.index(), bsp.event())));
        send(KEY, encoder.encode(msp));
        send(KEY, encoder.encode(chain.notProjected()));
    }

    @Test
    void poisonRecords_reachTheDeadLetterTopicOnce_withOriginalBytesSourceAndReason() {
        // given
        publishMixedStream();
        // when
        LiveIndexer indexer = testbed.startIndexer();
        Wait.until(TIMEOUT, "8 dead letters published", () -> DlqReader.count(testbed.kafka.dlqTopic()) == 8);
        // then
        List<ConsumerRecord<byte[], byte[]>> letters = DlqReader.readAll(testbed.kafka.dlqTopic());
        assertThat(letters).extracting(r -> header(r, DlqHeaders.REASON_KIND)).containsExactly(
                "NOT_UTF8", "NOT_JSON", "UNSUPPORTED_VERSION", "KEY_MISMATCH", "MISSING_FIELD", "UNKNOWN_ENTITY",
                "ALREADY_EXISTS", "CONFLICTING_DUPLICATE");
        for (int i = 0; i < letters.size(); i++) {
            ConsumerRecord<byte[], byte[]> letter = letters.get(i);
            long offset = i + 2;
            assertThat(header(letter, DlqHeaders.SOURCE_TOPIC)).isEqualTo(testbed.topic);
            assertThat(header(letter, DlqHeaders.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(letter, DlqHeaders.SOURCE_OFFSET)).isEqualTo(Long.toString(offset));
            assertThat(header(letter, DlqHeaders.REASON)).isNotBlank();
            assertThat(letter.value()).isEqualTo(values.get((int) offset));
        }
        assertThat(letters.get(3).key()).isEqualTo("beta".getBytes(StandardCharsets.UTF_8));
        assertThat(header(letters.get(5), DlqHeaders.CHAIN)).isEqualTo("alpha");
        assertThat(outboxIds(letters)).hasSize(8);
        IndexerMetrics metrics = indexer.metrics();
        Wait.until(TIMEOUT, "all records counted", () -> metrics.recordsRead() == 12);
        assertThat(metrics.records(IndexerMetrics.APPLIED)).isEqualTo(2);
        assertThat(metrics.records(IndexerMetrics.DEAD_LETTERED)).isEqualTo(8);
        assertThat(metrics.records(IndexerMetrics.SKIPPED_DUPLICATE)).isEqualTo(1);
        assertThat(metrics.records(IndexerMetrics.SKIPPED_NOT_PROJECTED)).isEqualTo(1);
        Wait.until(TIMEOUT, "publish counted", () -> metrics.deadLettersPublished() == 8);
    }

    @Test
    void relayRestartAfterPublishingButBeforeMarking_doesNotPublishAgain() throws Exception {
        // given: dead letters published, then marked unpublished as if the relay crashed before marking them
        publishMixedStream();
        LiveIndexer first = testbed.startIndexer();
        Wait.until(TIMEOUT, "8 dead letters published", () -> DlqReader.count(testbed.kafka.dlqTopic()) == 8);
        Wait.until(TIMEOUT, "rows marked", () -> testbed.jdbi().withHandle(DeadLetterOutbox::counts).pending() == 0);
        first.close();
        int unmarked = testbed.jdbi().withHandle(h -> h.createUpdate("UPDATE dead_letter SET published = false")
                .execute());
        assertThat(unmarked).isEqualTo(8);
        // when: a new indexer starts, and one more poison record arrives
        LiveIndexer second = testbed.startIndexer();
        send(KEY, "not json at all".getBytes(StandardCharsets.UTF_8));
        Wait.until(TIMEOUT, "the new dead letter published", () -> DlqReader.count(testbed.kafka.dlqTopic()) >= 9);
        Wait.until(TIMEOUT, "rows marked", () -> testbed.jdbi().withHandle(DeadLetterOutbox::counts).pending() == 0);
        // then
        List<ConsumerRecord<byte[], byte[]>> letters = DlqReader.readAll(testbed.kafka.dlqTopic());
        assertThat(letters).hasSize(9);
        assertThat(outboxIds(letters)).hasSize(9);
        assertThat(header(letters.get(8), DlqHeaders.SOURCE_OFFSET)).isEqualTo("12");
        assertThat(testbed.jdbi().withHandle(DeadLetterOutbox::counts).published()).isEqualTo(9);
        assertThat(second.metrics().deadLettersPublished()).isEqualTo(1);
    }

    @Test
    void twoIndexersOnOneReadModel_runOneRelay() {
        // given
        publishMixedStream();
        LiveIndexer first = testbed.startIndexer();
        LiveIndexer second = testbed.startIndexer();
        // when
        Wait.until(TIMEOUT, "8 dead letters published", () -> DlqReader.count(testbed.kafka.dlqTopic()) == 8);
        Wait.until(TIMEOUT, "a relay leads", () -> first.relay().leader() || second.relay().leader());
        // then
        assertThat(first.relay().leader() && second.relay().leader()).isFalse();
        assertThat(outboxIds(DlqReader.readAll(testbed.kafka.dlqTopic()))).hasSize(8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return DlqHeaders.text(record.headers(), name).orElse(null);
    }

    private static Set<String> outboxIds(List<ConsumerRecord<byte[], byte[]>> letters) {
        return letters.stream().map(r -> header(r, DlqHeaders.OUTBOX_ID)).collect(Collectors.toSet());
    }
}
