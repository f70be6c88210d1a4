package io.storagehub.reliability.crash;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partitions a process owns according to its log: its rebalance listener logs {@code partitions assigned:
 * [topic-0, ...]}, {@code partitions revoked: [...]} and {@code partitions lost: [...]}, in order.
 */
final class Ownership {

    private Ownership() {
    }

    /**
     * Seconds from the process's {@code indexer started} line to its first {@code partitions assigned} line (by
     * their log timestamps, {@code HH:mm:ss.SSS}): how long it took to join the group and get partitions, without
     * the JVM start before. Empty when it was not assigned anything.
     */
    static OptionalDouble joinSeconds(List<String> lines) {
        Optional<String> started = lines.stream().filter(l -> l.contains("msg=indexer started")).findFirst();
        Optional<String> assigned = lines.stream().filter(l -> l.contains("msg=partitions assigned: [")
                && !l.contains("msg=partitions assigned: []")).findFirst();
        if (started.isEmpty() || assigned.isEmpty()) {
            return OptionalDouble.empty();
        }
        long millis = millisOfDay(assigned.get()) - millisOfDay(started.get());
        if (millis < -43_200_000) {
            millis += 86_400_000; // past midnight
        }
        return OptionalDouble.of(Math.max(0, millis) / 1e3); // the consumer starts just before the line is logged
    }

    private static long millisOfDay(String line) {
        return LocalTime.parse(line.substring(0, 12)).toNanoOfDay() / 1_000_000;
    }

    static Set<Integer> of(List<String> lines, String topic) {
        Pattern partition = Pattern.compile(Pattern.quote(topic) + "-(\\d+)");
        Set<Integer> owned = new TreeSet<>();
        for (String line : lines) {
            boolean assigned = line.contains("msg=partitions assigned");
            if (!assigned && !line.contains("msg=partitions revoked") && !line.contains("msg=partitions lost")) {
                continue;
            }
            Matcher m = partition.matcher(line);
            while (m.find()) {
                int p = Integer.parseInt(m.group(1));
                if (assigned) {
                    owned.add(p);
                } else {
                    owned.remove(p);
                }
            }
        }
        return owned;
    }
}
