package io.storagehub.projection.memory;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Projection;
import io.storagehub.projection.ProjectionEngine;
import io.storagehub.projection.SourceOffset;
import io.storagehub.schema.event.Position;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The projection over an {@link InMemoryStore}: each batch applies under the store's write lock, all or nothing. */
public final class InMemoryProjection implements Projection {
    private final InMemoryStore store;

    public InMemoryProjection(InMemoryStore store) {
        this.store = store;
    }

    public InMemoryStore store() {
        return store;
    }

    @Override
    public BatchResult apply(Batch batch) {
        return store.write(() -> {
            ProjectionEngine.Result result = ProjectionEngine.run(batch, store);
            store.write(result.changes(), batch.checkpoint());
            return result.result();
        });
    }

    @Override
    public Optional<SourceOffset> checkpoint(String topic, int partition) {
        return store.storedOffset(topic, partition).map(o -> new SourceOffset(topic, partition, o));
    }

    @Override
    public Map<String, Position> chainPositions() {
        return store.read(chains -> {
            Map<String, Position> positions = new TreeMap<>();
            chains.forEach((chain, t) -> {
                if (t.lastPosition != null) {
                    positions.put(chain, t.lastPosition);
                }
            });
            return positions;
        });
    }
}
