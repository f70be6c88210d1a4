package io.storagehub.indexer.deadletter;

import io.storagehub.schema.event.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * A poison record to publish to the dead-letter topic: the original key and value bytes, where it came from, and
 * why it could not be applied ({@code reasonKind} is a decode error or projection reject name, {@code reason} the
 * precise message). {@code chain} and {@code position} are known when the envelope was readable.
 */
public record DeadLetter(String topic, int partition, long offset, Optional<String> chain,
                         Optional<Position> position, String reasonKind, String reason, byte[] key, byte[] value) {
    public DeadLetter {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(reasonKind, "reasonKind");
        reason = reason == null ? "" : reason;
    }
}
