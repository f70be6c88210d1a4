package io.storagehub.schema.readmodel;

import io.storagehub.schema.event.Position;
import java.time.Instant;

/** A chain known to the index, with the position of the last event indexed for it. */
public record ChainView(String chain, long lastIndexedBlock, Position lastPosition, Instant updatedAt) {
}
