package io.storagehub.reliability.verify;

import io.storagehub.reliability.stream.Ledger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The indexer's own tables against what was produced: stored offsets at the end of every partition
 * ({@code source_checkpoint}), one outbox row per expected dead letter, all published ({@code dead_letter}), and
 * one digest entry per consumed position, none twice ({@code event_digest}).
 */
public record TableAudit(long offsetsBehind, long offsetsAhead, int outboxRows, int outboxMissing,
                         int outboxUnexpected, int outboxWrongReason, int outboxUnpublished, long digestEntries,
                         long digestEntriesExpected, long digestEntriesDoubled) {
    private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();
    private static final int ENTRY_BYTES = 12;

    /** The offset stored in {@code source_checkpoint} for each partition of {@code topic}. */
    public static Map<Integer, Long> checkpoints(Jdbi jdbi, String topic) {
        return jdbi.withHandle(h -> {
            Map<Integer, Long> stored = new HashMap<>();
            h.createQuery(sql("checkpoints")).bind("topic", topic)
                    .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getLong(2)))
                    .forEach(e -> stored.put(e.getKey(), e.getValue()));
            return stored;
        });
    }

    public static TableAudit of(Jdbi jdbi, String topic, Ledger ledger) {
        Map<Integer, Long> stored = checkpoints(jdbi, topic);
        return jdbi.withHandle(h -> {
            long behind = 0;
            long ahead = 0;
            for (Map.Entry<Integer, Long> end : ledger.ends().entrySet()) {
                long at = stored.getOrDefault(end.getKey(), 0L);
                behind += Math.max(0, end.getValue() - at);
                ahead += Math.max(0, at - end.getValue());
            }
            Map<String, Ledger.Dead> expected = ledger.deadLetters();
            Set<String> found = new HashSet<>();
            int[] outbox = new int[4]; // rows, unexpected, wrong reason, unpublished
            h.createQuery(sql("deadLetters")).bind("topic", topic).map((rs, ctx) -> {
                String key = Ledger.key(rs.getInt(1), rs.getLong(2));
                outbox[0]++;
                Ledger.Dead dead = expected.get(key);
                if (dead == null) {
                    outbox[1]++;
                } else if (!dead.reasonKind().equals(rs.getString(3))) {
                    outbox[2]++;
                }
                if (!rs.getBoolean(4)) {
                    outbox[3]++;
                }
                found.add(key);
                return key;
            }).list();
            int missing = (int) expected.keySet().stream().filter(k -> !found.contains(k)).count();
            long[] digests = new long[2]; // entries, doubled
            h.createQuery(sql("digests")).map((rs, ctx) -> {
                byte[] entries = rs.getBytes(3);
                Set<Integer> indexes = new HashSet<>();
                ByteBuffer buffer = ByteBuffer.wrap(entries);
                for (int i = 0; i < entries.length / ENTRY_BYTES; i++) {
                    int index = buffer.getInt(i * ENTRY_BYTES);
                    digests[0]++;
                    if (!indexes.add(index)) {
                        digests[1]++;
                    }
                }
                return rs.getLong(2);
            }).list();
            long consumed = ledger.consumedPositions().values().stream().mapToLong(Long::longValue).sum();
            return new TableAudit(behind, ahead, outbox[0], missing, outbox[1], outbox[2], outbox[3], digests[0],
                    consumed, digests[1]);
        });
    }

    private static String sql(String name) {
        return SQL.locate(TableAudit.class, name);
    }

    public boolean exact() {
        return offsetsBehind == 0 && offsetsAhead == 0 && outboxMissing == 0 && outboxUnexpected == 0
                && outboxWrongReason == 0 && outboxUnpublished == 0 && digestEntries == digestEntriesExpected
                && digestEntriesDoubled == 0;
    }
}
