package io.storagehub.schema.event;

import io.storagehub.schema.value.Hash32;
import java.time.Instant;
import java.util.Objects;

/** The block an event belongs to. {@code number} is a u32. */
public record BlockRef(long number, Hash32 hash, Hash32 parentHash, Instant timestamp) {
    public BlockRef {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parentHash, "parentHash");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
