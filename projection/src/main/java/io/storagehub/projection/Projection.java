package io.storagehub.projection;

import io.storagehub.schema.event.Position;
import java.util.Map;
import java.util.Optional;

/**
 * The write side of the read model. {@link #apply} applies an ordered batch of decoded events (of one or more
 * chains) atomically together with the source checkpoint that says how far the batch got: either all of it
 * takes effect or none of it. Idempotent by position: an event at or before its chain's last applied position
 * has no effect (it is reported {@link Outcome.Kind#SKIPPED_DUPLICATE}, or {@link Outcome.Kind#REJECTED} when
 * its content differs from what was applied there).
 */
public interface Projection {

    BatchResult apply(Batch batch);

    /** The stored source checkpoint of a topic partition, if any batch from it was applied. */
    Optional<SourceOffset> checkpoint(String topic, int partition);

    /** The last applied position of every chain. */
    Map<String, Position> chainPositions();
}
