package io.storagehub.reliability.verify;

import io.storagehub.reliability.stream.Expect;
import io.storagehub.reliability.stream.Ledger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every batch the indexer processes committed, from their "batch committed" log lines (partition, first offset,
 * applied, next offset), checked against the ledger: batches never overlap (no offset is committed twice), each
 * batch's applied count is what the ledger expects for its offsets, and the gaps between logged batches are
 * batches that committed just before a SIGKILL took the process before it could log them (at most one per kill), as
 * is a partition's tail after its last logged batch up to the offset stored in {@code source_checkpoint} (the last
 * batch of a partition can commit just before a kill, and the next process then has nothing left to log there).
 * The applied counter is the logged counts plus the ledger's counts of those gaps; what no checkpoint covers is
 * uncovered.
 */
public record BatchLog(int loggedBatches, int unloggedBatches, long unloggedRecords, long offsetsCommittedTwice,
                       int batchesWithWrongAppliedCount, long appliedCounted, long appliedExpected, long uncovered) {
    private static final Pattern BATCH = Pattern.compile(
            "p=(\\d+) o=(\\d+) records=(\\d+) applied=(\\d+) nextOffset=(\\d+) msg=batch committed");

    private record Batch(int partition, long first, long next, long applied) {
    }

    /**
     * Partitions whose first batch logged at or after line {@code mark} did not start exactly where the last batch
     * before it ended: after an outage the indexer must resume at its stored offset, skipping and repeating nothing.
     */
    public static int resumeMismatches(List<String> lines, int mark) {
        Map<Integer, Long> before = new HashMap<>();
        Map<Integer, Long> after = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = BATCH.matcher(lines.get(i));
            if (m.find()) {
                int partition = Integer.parseInt(m.group(1));
                if (i < mark) {
                    before.put(partition, Long.parseLong(m.group(5)));
                } else {
                    after.putIfAbsent(partition, Long.parseLong(m.group(2)));
                }
            }
        }
        int mismatches = 0;
        for (Map.Entry<Integer, Long> resumed : after.entrySet()) {
            if (!resumed.getValue().equals(before.getOrDefault(resumed.getKey(), 0L))) {
                mismatches++;
            }
        }
        return mismatches;
    }

    /** The next offset after the last batch each partition logged. */
    public static Map<Integer, Long> lastCommitted(List<String> lines) {
        Map<Integer, Long> last = new HashMap<>();
        for (String line : lines) {
            Matcher m = BATCH.matcher(line);
            if (m.find()) {
                last.merge(Integer.parseInt(m.group(1)), Long.parseLong(m.group(5)), Math::max);
            }
        }
        return last;
    }

    /** {@code stored}: the offset stored in {@code source_checkpoint} for each partition (absent: none). */
    public static BatchLog of(List<String> lines, Ledger ledger, Map<Integer, Long> stored) {
        Map<Integer, List<Batch>> byPartition = new HashMap<>();
        int logged = 0;
        for (String line : lines) {
            Matcher m = BATCH.matcher(line);
            if (m.find()) {
                Batch b = new Batch(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(5)), Long.parseLong(m.group(4)));
                byPartition.computeIfAbsent(b.partition(), p -> new ArrayList<>()).add(b);
                logged++;
            }
        }
        int gaps = 0;
        long gapRecords = 0;
        long twice = 0;
        int wrongApplied = 0;
        long applied = 0;
        long uncovered = 0;
        for (Map.Entry<Integer, Long> end : ledger.ends().entrySet()) {
            int partition = end.getKey();
            List<Batch> batches = new ArrayList<>(byPartition.getOrDefault(partition, List.of()));
            batches.sort(Comparator.comparingLong(Batch::first));
            long cursor = 0;
            for (Batch b : batches) {
                if (b.first() > cursor) {
                    gaps++;
                    gapRecords += b.first() - cursor;
                    applied += ledger.counts(partition, cursor, b.first()).getOrDefault(Expect.APPLIED, 0L);
                } else if (b.first() < cursor) {
                    twice += Math.min(cursor, b.next()) - b.first();
                }
                if (ledger.counts(partition, b.first(), b.next()).getOrDefault(Expect.APPLIED, 0L) != b.applied()) {
                    wrongApplied++;
                }
                applied += b.applied();
                cursor = Math.max(cursor, b.next());
            }
            long committed = Math.min(end.getValue(), stored.getOrDefault(partition, 0L));
            if (committed > cursor) {
                gaps++;
                gapRecords += committed - cursor;
                applied += ledger.counts(partition, cursor, committed).getOrDefault(Expect.APPLIED, 0L);
                cursor = committed;
            }
            uncovered += Math.max(0, end.getValue() - cursor);
        }
        return new BatchLog(logged, gaps, gapRecords, twice, wrongApplied, applied,
                ledger.counts().get(Expect.APPLIED), uncovered);
    }
}
