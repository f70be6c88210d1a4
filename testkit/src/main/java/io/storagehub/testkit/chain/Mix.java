package io.storagehub.testkit.chain;

import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.NotProjected;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of events by {@code (pallet, name)}, e.g. to report the event mix a benchmark ran. Not thread-safe. */
public final class Mix {
    private final Map<String, long[]> counts = new HashMap<>();
    private long total;

    public static Mix of(Iterable<Envelope> envelopes) {
        Mix mix = new Mix();
        for (Envelope envelope : envelopes) {
            mix.add(envelope);
        }
        return mix;
    }

    public void add(Envelope envelope) {
        add(envelope.event());
    }

    public void add(ChainEvent event) {
        counts.computeIfAbsent(key(event.pallet(), wireName(event)), k -> new long[1])[0]++;
        total++;
    }

    /**
     * The event's name on the wire. Not {@link ChainEvent#name()}: {@code NewBucket} has a {@code name} component
     * (the bucket's name) that overrides it.
     */
    static String wireName(ChainEvent event) {
        return event instanceof NotProjected ? ((NotProjected) event).name() : event.getClass().getSimpleName();
    }

    public long count(String pallet, String name) {
        long[] count = counts.get(key(pallet, name));
        return count == null ? 0 : count[0];
    }

    public long total() {
        return total;
    }

    /** {@code "Pallet.Name" -> count}, sorted by key. */
    public Map<String, Long> counts() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v[0]));
        return Collections.unmodifiableMap(sorted);
    }

    /** Counts summed per pallet, sorted by pallet. */
    public Map<String, Long> byPallet() {
        Map<String, Long> sums = new TreeMap<>();
        counts.forEach((k, v) -> sums.merge(k.substring(0, k.indexOf('.')), v[0], Long::sum));
        return Collections.unmodifiableMap(sums);
    }

    /** One line per {@code Pallet.Name}, most frequent first, with its share of the total. */
    public String table() {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(counts().entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        rows.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        StringBuilder out = new StringBuilder();
        ordered.forEach((k, v) -> out.append(String.format("%-55s %10d %6.2f%%%n", k, v,
                total == 0 ? 0.0 : 100.0 * v / total)));
        return out.append(String.format("%-55s %10d%n", "total", total)).toString();
    }

    @Override
    public String toString() {
        return table();
    }

    private static String key(String pallet, String name) {
        return pallet + '.' + name;
    }
}
