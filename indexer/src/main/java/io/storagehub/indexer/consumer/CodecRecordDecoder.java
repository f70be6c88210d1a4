package io.storagehub.indexer.consumer;

import io.storagehub.schema.codec.DecodeException;
import io.storagehub.schema.codec.EventDecoder;
import io.storagehub.schema.event.Envelope;

/** The contract's strict decoder as the consumer's {@link RecordDecoder}. */
public final class CodecRecordDecoder implements RecordDecoder {
    private final EventDecoder decoder = new EventDecoder();

    @Override
    public Decoded decode(String key, byte[] value) {
        try {
            Envelope envelope = decoder.decode(key, value);
            envelope.digest(); // computed here, on the decoding worker, and kept: the applying thread only reads it
            return new Decoded.Event(envelope);
        } catch (DecodeException e) {
            return new Decoded.Poison(e.kind().name(), e.getMessage(), e.chain(), e.position());
        }
    }
}
