package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.Abbrev;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.InvalidValueException;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The parts of one envelope as {@link EnvelopeParser} found them (each a value, an error, or absent), judged in
 * contract order by {@link #envelope}: the version, the chain, the record key, the block, the index, the pallet,
 * the name, the data and then the event's fields. Every error carries the chain and the position when those parts
 * were readable.
 */
final class EnvelopeParts {
    static final int MAX_PALLET_CHARS = 64;

    /** One field: absent, or read to a value or an error. */
    static final class Slot {
        boolean present;
        Object value;
        FieldError error;

        void read(JsonParser p, WireType type, String path) throws IOException {
            present = true;
            try {
                value = type.read(p, path);
            } catch (FieldError e) {
                error = e;
            }
        }

        boolean readable() {
            return present && error == null;
        }
    }

    boolean versionPresent;
    String versionProblem;
    boolean chainPresent;
    String chain;
    String chainProblem;
    boolean blockPresent;
    String blockNotObject;
    final Slot number = new Slot();
    final Slot hash = new Slot();
    final Slot parentHash = new Slot();
    final Slot timestamp = new Slot();
    final Slot index = new Slot();
    final Slot pallet = new Slot();
    final Slot name = new Slot();
    boolean dataPresent;
    String dataNotObject;
    ChainEvent event;
    FieldError eventError;

    void version(JsonParser p) throws IOException {
        versionPresent = true;
        boolean valid = p.currentToken() == JsonToken.VALUE_NUMBER_INT
                && p.getNumberType() == JsonParser.NumberType.INT && p.getIntValue() == Envelope.VERSION;
        versionProblem = valid ? null : Tokens.describe(p);
    }

    void chain(JsonParser p) throws IOException {
        chainPresent = true;
        if (p.currentToken() == JsonToken.VALUE_STRING && Envelope.isValidChain(p.getText())) {
            chain = p.getText();
        } else {
            chainProblem = Tokens.describe(p);
        }
    }

    /** Reads {@code data} (an object) as the event that {@code pallet} and {@code name} name, if they are readable. */
    void event(JsonParser p) throws IOException {
        if (!pallet.readable() || !name.readable()) {
            p.skipChildren();
            return;
        }
        String palletName = (String) pallet.value;
        String eventName = (String) name.value;
        Optional<Class<? extends ChainEvent>> type = EventTypes.lookup(palletName, eventName);
        if (type.isEmpty()) {
            event = new NotProjected(palletName, eventName, CanonicalJson.of(Json.MAPPER.readTree(p)));
            return;
        }
        try {
            event = (ChainEvent) RecordShape.of(type.get()).read(p, "data");
        } catch (FieldError e) {
            eventError = e;
        }
    }

    Envelope envelope(String recordKey) throws DecodeException {
        if (!versionPresent) {
            throw fail(DecodeError.UNSUPPORTED_VERSION, "v is missing, expected contract version "
                    + Envelope.VERSION);
        }
        if (versionProblem != null) {
            throw fail(DecodeError.UNSUPPORTED_VERSION, "v must be the integer " + Envelope.VERSION + ", got "
                    + versionProblem);
        }
        if (!chainPresent) {
            throw fail(DecodeError.INVALID_ENVELOPE, "chain is missing");
        }
        if (chain == null) {
            throw fail(DecodeError.INVALID_ENVELOPE, "chain must be a string of 1..64 characters [a-z0-9-], got "
                    + chainProblem);
        }
        if (recordKey == null) {
            throw fail(DecodeError.KEY_MISMATCH, "record key is null, it must equal chain \"" + chain + "\"");
        }
        if (!recordKey.equals(chain)) {
            throw fail(DecodeError.KEY_MISMATCH, "record key \"" + Abbrev.of(recordKey)
                    + "\" does not equal chain \"" + chain + "\"");
        }
        BlockRef block = block();
        long eventIndex = (Long) field(index, "index");
        String palletName = text(pallet, "pallet", MAX_PALLET_CHARS);
        String eventName = text(name, "name", Integer.MAX_VALUE);
        if (!dataPresent) {
            throw fail(DecodeError.INVALID_ENVELOPE, "data is missing");
        }
        if (dataNotObject != null) {
            throw fail(DecodeError.INVALID_ENVELOPE, "data: must be a JSON object, got " + dataNotObject);
        }
        if (eventError != null) {
            throw fail(eventError.kind(), eventError.getMessage() + " (in " + palletName + "." + eventName + ")");
        }
        return new Envelope(chain, block, eventIndex, event);
    }

    private BlockRef block() throws DecodeException {
        if (!blockPresent) {
            throw fail(DecodeError.INVALID_ENVELOPE, "block is missing");
        }
        if (blockNotObject != null) {
            throw fail(DecodeError.INVALID_ENVELOPE, "block: must be a JSON object, got " + blockNotObject);
        }
        long blockNumber = (Long) field(number, "block.number");
        Hash32 blockHash = (Hash32) field(hash, "block.hash");
        Hash32 parent = (Hash32) field(parentHash, "block.parentHash");
        String time = (String) field(timestamp, "block.timestamp");
        try {
            Instant instant = Rfc3339.parse(time);
            return new BlockRef(blockNumber, blockHash, parent, instant);
        } catch (InvalidValueException e) {
            throw fail(DecodeError.INVALID_ENVELOPE, "block.timestamp: " + e.getMessage());
        }
    }

    private String text(Slot slot, String key, int maxChars) throws DecodeException {
        String text = (String) field(slot, key);
        int chars = text.codePointCount(0, text.length());
        if (chars < 1 || chars > maxChars) {
            String range = maxChars == Integer.MAX_VALUE ? "a non-empty string" : "a string of 1.." + maxChars
                    + " characters";
            throw fail(DecodeError.INVALID_ENVELOPE, key + " must be " + range + ", got the string \""
                    + Abbrev.of(text) + "\"");
        }
        return text;
    }

    private Object field(Slot slot, String path) throws DecodeException {
        if (!slot.present) {
            throw fail(DecodeError.INVALID_ENVELOPE, path + " is missing");
        }
        if (slot.error != null) {
            throw fail(DecodeError.INVALID_ENVELOPE, slot.error.getMessage());
        }
        return slot.value;
    }

    private DecodeException fail(DecodeError kind, String message) {
        return new DecodeException(kind, message, chain, position());
    }

    private Position position() {
        return number.readable() && index.readable() ? new Position((Long) number.value, (Long) index.value) : null;
    }
}
