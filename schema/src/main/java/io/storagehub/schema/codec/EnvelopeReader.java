package io.storagehub.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.Abbrev;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.InvalidValueException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the envelope of one parsed record value, field by field in contract order. The chain and position are
 * peeked first (leniently) so that every error can carry them when they are readable.
 */
final class EnvelopeReader {
    static final int MAX_PALLET_CHARS = 64;

    private final JsonNode root;
    private final String chain;
    private final Position position;

    private EnvelopeReader(JsonNode root) {
        this.root = root;
        JsonNode chainNode = root.get("chain");
        this.chain = chainNode != null && Envelope.isValidChain(chainNode.textValue()) ? chainNode.textValue() : null;
        this.position = peekPosition(root);
    }

    static Envelope read(JsonNode root, String recordKey) throws DecodeException {
        return new EnvelopeReader(root).read(recordKey);
    }

    private Envelope read(String recordKey) throws DecodeException {
        checkVersion();
        String chainName = chain();
        if (recordKey == null) {
            throw fail(DecodeError.KEY_MISMATCH, "record key is null, it must equal chain \"" + chainName + "\"");
        }
        if (!recordKey.equals(chainName)) {
            throw fail(DecodeError.KEY_MISMATCH, "record key \"" + Abbrev.of(recordKey)
                    + "\" does not equal chain \"" + chainName + "\"");
        }
        BlockRef block = block();
        long index = (Long) field(root, "index", "index", WireTypes.U32);
        String pallet = text("pallet", MAX_PALLET_CHARS);
        String name = text("name", Integer.MAX_VALUE);
        JsonNode data = root.get("data");
        if (data == null) {
            throw fail(DecodeError.INVALID_ENVELOPE, "data is missing");
        }
        if (!data.isObject()) {
            throw fail(DecodeError.INVALID_ENVELOPE, "data: must be a JSON object, got " + JsonText.describe(data));
        }
        return new Envelope(chainName, block, index, event(pallet, name, data));
    }

    private void checkVersion() throws DecodeException {
        JsonNode v = root.get("v");
        if (v == null) {
            throw fail(DecodeError.UNSUPPORTED_VERSION, "v is missing, expected contract version " + Envelope.VERSION);
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() != Envelope.VERSION) {
            throw fail(DecodeError.UNSUPPORTED_VERSION, "v must be the integer " + Envelope.VERSION + ", got "
                    + JsonText.describe(v));
        }
    }

    private String chain() throws DecodeException {
        JsonNode node = root.get("chain");
        if (node == null) {
            throw fail(DecodeError.INVALID_ENVELOPE, "chain is missing");
        }
        if (chain == null) {
            throw fail(DecodeError.INVALID_ENVELOPE, "chain must be a string of 1..64 characters [a-z0-9-], got "
                    + JsonText.describe(node));
        }
        return chain;
    }

    private BlockRef block() throws DecodeException {
        JsonNode block = root.get("block");
        if (block == null) {
            throw fail(DecodeError.INVALID_ENVELOPE, "block is missing");
        }
        if (!block.isObject()) {
            throw fail(DecodeError.INVALID_ENVELOPE, "block: must be a JSON object, got " + JsonText.describe(block));
        }
        long number = (Long) field(block, "number", "block.number", WireTypes.U32);
        Hash32 hash = (Hash32) field(block, "hash", "block.hash", WireTypes.HEX32);
        Hash32 parentHash = (Hash32) field(block, "parentHash", "block.parentHash", WireTypes.HEX32);
        String timestamp = (String) field(block, "timestamp", "block.timestamp", WireTypes.TEXT);
        try {
            Instant time = Rfc3339.parse(timestamp);
            return new BlockRef(number, hash, parentHash, time);
        } catch (InvalidValueException e) {
            throw fail(DecodeError.INVALID_ENVELOPE, "block.timestamp: " + e.getMessage());
        }
    }

    private String text(String key, int maxChars) throws DecodeException {
        String text = (String) field(root, key, key, WireTypes.TEXT);
        int chars = text.codePointCount(0, text.length());
        if (chars < 1 || chars > maxChars) {
            String range = maxChars == Integer.MAX_VALUE ? "a non-empty string" : "a string of 1.." + maxChars
                    + " characters";
            throw fail(DecodeError.INVALID_ENVELOPE, key + " must be " + range + ", got " + JsonText.describe(
                    root.get(key)));
        }
        return text;
    }

    private Object field(JsonNode parent, String key, String path, WireType type) throws DecodeException {
        JsonNode node = parent.get(key);
        if (node == null) {
            throw fail(DecodeError.INVALID_ENVELOPE, path + " is missing");
        }
        try {
            return type.read(node, path);
        } catch (FieldError e) {
            throw fail(DecodeError.INVALID_ENVELOPE, e.getMessage());
        }
    }

    private ChainEvent event(String pallet, String name, JsonNode data) throws DecodeException {
        Optional<Class<? extends ChainEvent>> type = EventTypes.lookup(pallet, name);
        if (type.isEmpty()) {
            return new NotProjected(pallet, name, CanonicalJson.of(data));
        }
        try {
            return (ChainEvent) RecordShape.of(type.get()).read(data, "data");
        } catch (FieldError e) {
            throw fail(e.kind(), e.getMessage() + " (in " + pallet + "." + name + ")");
        }
    }

    private DecodeException fail(DecodeError kind, String message) {
        return new DecodeException(kind, message, chain, position);
    }

    private static Position peekPosition(JsonNode root) {
        JsonNode block = root.get("block");
        JsonNode number = block != null ? block.get("number") : null;
        JsonNode index = root.get("index");
        if (number == null || index == null) {
            return null;
        }
        try {
            return new Position((Long) WireTypes.U32.read(number, "block.number"),
                    (Long) WireTypes.U32.read(index, "index"));
        } catch (FieldError e) {
            return null;
        }
    }
}
