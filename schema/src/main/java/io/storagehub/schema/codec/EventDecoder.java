package io.storagehub.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.schema.event.Envelope;

/**
 * Decodes Kafka record values of the event contract ({@code docs/wire-format.md}, version 1) strictly: every rule
 * of the contract is checked, the first violation is reported as a {@link DecodeException}. Thread-safe.
 */
public final class EventDecoder {

    /**
     * @param recordKey the Kafka record key decoded as UTF-8 (the chain name), or null when the record has none
     * @param value     the record value
     * @return the event; a {@link io.storagehub.schema.event.NotProjected} for a (pallet, name) not projected
     * @throws DecodeException when the record is poison; its kind and message say why
     */
    public Envelope decode(String recordKey, byte[] value) throws DecodeException {
        String text = Utf8.decode(value);
        JsonNode root;
        try {
            root = Json.readOne(text);
        } catch (Json.Malformed e) {
            throw new DecodeException(DecodeError.NOT_JSON, e.getMessage());
        }
        if (!root.isObject()) {
            throw new DecodeException(DecodeError.NOT_AN_OBJECT, "value must be a JSON object, got "
                    + JsonText.describe(root));
        }
        return EnvelopeReader.read(root, recordKey);
    }
}
