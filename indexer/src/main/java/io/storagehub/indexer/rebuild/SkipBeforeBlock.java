package io.storagehub.indexer.rebuild;

import io.storagehub.indexer.consumer.Decoded;
import io.storagehub.indexer.consumer.RecordDecoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.NotProjected;

/**
 * {@code rebuild --from-block N}: events of blocks below N are read and counted but not projected (they pass as
 * not-projected events, so their positions are still consumed); poison records are dead-lettered as always.
 */
final class SkipBeforeBlock implements RecordDecoder {
    private final RecordDecoder decoder;
    private final long fromBlock;

    SkipBeforeBlock(RecordDecoder decoder, long fromBlock) {
        this.decoder = decoder;
        this.fromBlock = fromBlock;
    }

    @Override
    public Decoded decode(String key, byte[] value) {
        Decoded decoded = decoder.decode(key, value);
        if (decoded instanceof Decoded.Event event && event.envelope().block().number() < fromBlock) {
            Envelope e = event.envelope();
            NotProjected skipped = new NotProjected(e.event().pallet(), e.event().name(),
                    "{\"skippedBeforeBlock\":" + fromBlock + "}");
            return new Decoded.Event(new Envelope(e.chain(), e.block(), e.index(), skipped));
        }
        return decoded;
    }
}
