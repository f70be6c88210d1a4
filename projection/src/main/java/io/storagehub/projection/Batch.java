package io.storagehub.projection;

import io.storagehub.schema.event.Envelope;
import java.util.List;
import java.util.Optional;

/**
 * Events in source order, with the source checkpoint to store with them (empty when the events do not come
 * from a checkpointed source, e.g. in tests or a file import).
 */
public record Batch(List<Envelope> events, Optional<SourceOffset> checkpoint) {
    public Batch {
        events = List.copyOf(events);
    }

    public static Batch of(List<Envelope> events) {
        return new Batch(events, Optional.empty());
    }
}
