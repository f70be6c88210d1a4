package io.storagehub.projection;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One outcome per event of the batch, in batch order. */
public record BatchResult(List<Outcome> outcomes) {
    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    public List<Outcome> rejected() {
        return outcomes.stream().filter(o -> o.kind() == Outcome.Kind.REJECTED).toList();
    }

    public Map<Outcome.Kind, Integer> counts() {
        Map<Outcome.Kind, Integer> counts = new EnumMap<>(Outcome.Kind.class);
        for (Outcome.Kind kind : Outcome.Kind.values()) {
            counts.put(kind, 0);
        }
        outcomes.forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
        return counts;
    }
}
