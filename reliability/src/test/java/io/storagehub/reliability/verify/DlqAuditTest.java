package io.storagehub.reliability.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.deadletter.DlqHeaders;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.Ledger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DlqAuditTest {
    private static final byte[] A = "a".getBytes(StandardCharsets.UTF_8);
    private static final byte[] B = "b".getBytes(StandardCharsets.UTF_8);

    private static ConsumerRecord<byte[], byte[]> letter(String topic, long offset, String kind, byte[] value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("events.dlq", 0, 0, null, value);
        record.headers().add(DlqHeaders.SOURCE_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        record.headers().add(DlqHeaders.SOURCE_PARTITION, "0".getBytes(StandardCharsets.UTF_8));
        record.headers().add(DlqHeaders.SOURCE_OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        record.headers().add(DlqHeaders.REASON_KIND, kind.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static final Map<String, Ledger.Dead> EXPECTED = Map.of(
            "0/3", new Ledger.Dead(0, 3, "NOT_JSON", Feed.digest(A)),
            "0/7", new Ledger.Dead(0, 7, "UNKNOWN_ENTITY", Feed.digest(B)));

    @Test
    void eachExpectedLetterOnce_isExact() {
        DlqAudit audit = DlqAudit.of(EXPECTED, "events", List.of(letter("events", 3, "NOT_JSON", A),
                letter("events", 7, "UNKNOWN_ENTITY", B)));
        assertThat(audit.exact()).isTrue();
    }

    @Test
    void missingDuplicatedUnexpectedAndWrongLetters_areEachCounted() {
        DlqAudit audit = DlqAudit.of(EXPECTED, "events", List.of(letter("events", 3, "NOT_JSON", A),
                letter("events", 3, "NOT_UTF8", B), letter("events", 5, "NOT_JSON", A),
                letter("other", 7, "UNKNOWN_ENTITY", B)));
        assertThat(audit).isEqualTo(new DlqAudit(2, 4, 1, 1, 2, 1, 1));
        assertThat(audit.exact()).isFalse();
    }
}
