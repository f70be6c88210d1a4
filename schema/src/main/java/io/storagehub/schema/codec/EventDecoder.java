package io.storagehub.schema.codec;

import io.storagehub.schema.event.Envelope;

/**
 * Decodes Kafka record values of the event contract ({@code docs/wire-format.md}, version 1) strictly: every rule
 * of the contract is checked, the first violation is reported as a {@link DecodeException}. Reads the JSON as a
 * stream of tokens straight into the event records (see {@link EnvelopeParser}). Thread-safe.
 */
public final class EventDecoder {

    /**
     * @param recordKey the Kafka record key decoded as UTF-8 (the chain name), or null when the record has none
     * @param value     the record value
     * @return the event; a {@link io.storagehub.schema.event.NotProjected} for a (pallet, name) not projected
     * @throws DecodeException when the record is poison; its kind and message say why
     */
    public Envelope decode(String recordKey, byte[] value) throws DecodeException {
        if (value != null && Utf8.isAscii(value)) {
            return EnvelopeParser.parse(value, recordKey); // the common case: parsed from the bytes, no text made
        }
        return EnvelopeParser.parse(Utf8.decode(value), recordKey);
    }
}
