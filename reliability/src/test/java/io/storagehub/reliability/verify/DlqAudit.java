package io.storagehub.reliability.verify;

import io.storagehub.indexer.deadletter.DlqHeaders;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.Ledger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The dead-letter topic against the records that had to be dead-lettered: each expected one present exactly
 * once, with its reason kind, source topic and original bytes; nothing else.
 */
public record DlqAudit(int expected, int records, int missing, int duplicated, int unexpected, int wrongReason,
                       int wrongBytes) {

    public static DlqAudit of(Map<String, Ledger.Dead> expectedLetters, String sourceTopic,
                              List<ConsumerRecord<byte[], byte[]>> letters) {
        Map<String, Integer> seen = new HashMap<>();
        int unexpected = 0;
        int wrongReason = 0;
        int wrongBytes = 0;
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            String topic = header(letter, DlqHeaders.SOURCE_TOPIC);
            String key = header(letter, DlqHeaders.SOURCE_PARTITION) + "/" + header(letter, DlqHeaders.SOURCE_OFFSET);
            Ledger.Dead dead = expectedLetters.get(key);
            if (dead == null || !sourceTopic.equals(topic)) {
                unexpected++;
                continue;
            }
            seen.merge(key, 1, Integer::sum);
            if (!dead.reasonKind().equals(header(letter, DlqHeaders.REASON_KIND))) {
                wrongReason++;
            }
            if (!dead.valueDigest().equals(Feed.digest(letter.value()))) {
                wrongBytes++;
            }
        }
        int missing = (int) expectedLetters.keySet().stream().filter(k -> !seen.containsKey(k)).count();
        int duplicated = seen.values().stream().mapToInt(n -> n - 1).sum();
        return new DlqAudit(expectedLetters.size(), letters.size(), missing, duplicated, unexpected, wrongReason,
                wrongBytes);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return DlqHeaders.text(record.headers(), name).orElse("");
    }

    public boolean exact() {
        return missing == 0 && duplicated == 0 && unexpected == 0 && wrongReason == 0 && wrongBytes == 0;
    }
}
