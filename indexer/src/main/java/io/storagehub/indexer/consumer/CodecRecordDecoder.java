package io.storagehub.indexer.consumer;

import io.storagehub.schema.codec.DecodeException;
import io.storagehub.schema.codec.EventDecoder;

/** The contract's strict decoder as the consumer's {@link RecordDecoder}. */
public final class CodecRecordDecoder implements RecordDecoder {
    private final EventDecoder decoder = new EventDecoder();

    @Override
    public Decoded decode(String key, byte[] value) {
        try {
            return new Decoded.Event(decoder.decode(key, value));
        } catch (DecodeException e) {
            return new Decoded.Poison(e.kind().name(), e.getMessage(), e.chain(), e.position());
        }
    }
}
