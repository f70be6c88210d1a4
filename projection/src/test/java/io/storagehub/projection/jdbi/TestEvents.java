package io.storagehub.projection.jdbi;

import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.value.Hash32;
import java.time.Instant;

/** Envelopes for hand-built chains. */
final class TestEvents {

    private TestEvents() {
    }

    static Envelope at(String chain, long block, long index, ChainEvent event) {
        BlockRef ref = new BlockRef(block, Hash32.of(Ids.hex32(1_000_000 + block)),
                Hash32.of(Ids.hex32(1_000_000 + block - 1)), Instant.ofEpochSecond(1_700_000_000L + 6 * block));
        return new Envelope(chain, ref, index, event);
    }
}
