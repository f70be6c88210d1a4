package io.storagehub.reliability.crash;

import java.util.List;
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
