package io.storagehub.reliability.stream;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What was produced, record by record: for each partition and offset the outcome the indexer must reach, and for
 * each record it must dead-letter the reason kind and a digest of its value. One byte per record, so a soak's
 * million records fit easily.
 */
public final class Ledger {
    /** A record that must land in the dead-letter topic exactly once. */
    public record Dead(int partition, long offset, String reasonKind, String valueDigest) {
    }

    private final Map<Integer, byte[]> outcomes = new HashMap<>();
    private final Map<Integer, Long> ends = new HashMap<>();
    private final Map<String, Dead> dead = new TreeMap<>();
    private final Map<String, Long> consumedPositions = new HashMap<>();

    public synchronized void record(int partition, long offset, Expect expect) {
        byte[] codes = outcomes.computeIfAbsent(partition, p -> new byte[1024]);
        if (offset >= codes.length) {
            codes = Arrays.copyOf(codes, (int) Math.max(offset + 1, codes.length * 2L));
            outcomes.put(partition, codes);
        }
        codes[(int) offset] = (byte) (expect.ordinal() + 1);
        ends.merge(partition, offset + 1, Math::max);
    }

    public synchronized void dead(Dead letter) {
        dead.put(key(letter.partition(), letter.offset()), letter);
    }

    synchronized void consumed(String chain) {
        consumedPositions.merge(chain, 1L, Long::sum);
    }

    /** The expected outcome of a record; fails for an offset nothing was produced at. */
    public synchronized Expect expect(int partition, long offset) {
        byte[] codes = outcomes.get(partition);
        if (codes == null || offset >= codes.length || codes[(int) offset] == 0) {
            throw new IllegalArgumentException("nothing was produced at " + partition + "/" + offset);
        }
        return Expect.values()[codes[(int) offset] - 1];
    }

    /** The next offset after the last produced record of each partition. */
    public synchronized Map<Integer, Long> ends() {
        return Map.copyOf(ends);
    }

    public synchronized long total() {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every record that must be dead-lettered, by "partition/offset". */
    public synchronized Map<String, Dead> deadLetters() {
        return Map.copyOf(dead);
    }

    /** How many records of each outcome were produced. */
    public synchronized Map<Expect, Long> counts() {
        Map<Expect, Long> counts = new EnumMap<>(Expect.class);
        for (Expect e : Expect.values()) {
            counts.put(e, 0L);
        }
        outcomes.forEach((partition, codes) -> {
            for (int i = 0; i < ends.get(partition); i++) {
                counts.merge(Expect.values()[codes[i] - 1], 1L, Long::sum);
            }
        });
        return counts;
    }

    /** Counts of the given range of one partition's offsets, [from, to). */
    public synchronized Map<Expect, Long> counts(int partition, long from, long to) {
        Map<Expect, Long> counts = new EnumMap<>(Expect.class);
        for (long offset = from; offset < to; offset++) {
            counts.merge(expect(partition, offset), 1L, Long::sum);
        }
        return counts;
    }

    /** Positions each chain's projection consumes (applied, not projected, or rejected with a new position). */
    public synchronized Map<String, Long> consumedPositions() {
        return Map.copyOf(consumedPositions);
    }

    public static String key(int partition, long offset) {
        return partition + "/" + offset;
    }
}
