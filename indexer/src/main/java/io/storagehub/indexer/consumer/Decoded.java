package io.storagehub.indexer.consumer;

import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import java.util.Objects;
import java.util.Optional;

/** A record value read as an event, or the reason it is poison. */
public sealed interface Decoded {

    record Event(Envelope envelope) implements Decoded {
        public Event {
            Objects.requireNonNull(envelope, "envelope");
        }
    }

    /** {@code kind} names the decode error; chain and position are present when they were readable. */
    record Poison(String kind, String message, Optional<String> chain, Optional<Position> position)
            implements Decoded {
        public Poison {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(position, "position");
        }
    }
}
