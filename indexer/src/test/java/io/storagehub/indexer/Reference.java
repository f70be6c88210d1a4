package io.storagehub.indexer;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.contract.ExpectedChanges;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import java.util.List;
import java.util.Map;

/** The in-memory projection fed the same events: the state and outcome counts the indexer must reach. */
final class Reference {
    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryProjection projection = new InMemoryProjection(store);
    private final java.util.EnumMap<Outcome.Kind, Integer> counts = new java.util.EnumMap<>(Outcome.Kind.class);

    Reference() {
        for (Outcome.Kind kind : Outcome.Kind.values()) {
            counts.put(kind, 0);
        }
    }

    Reference apply(List<Envelope> events) {
        BatchResult result = projection.apply(Batch.of(events));
        result.counts().forEach((kind, n) -> counts.merge(kind, n, Integer::sum));
        return this;
    }

    ReadModelSnapshot snapshot(String chain) {
        return new InMemoryQueries(store).snapshot(chain);
    }

    List<ChangeView> changes(String chain) {
        return ExpectedChanges.walkChanges(new InMemoryQueries(store), chain, ChangeFilter.NONE, 1000);
    }

    int count(Outcome.Kind kind) {
        return counts.get(kind);
    }

    Map<Outcome.Kind, Integer> counts() {
        return Map.copyOf(counts);
    }
}
