package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.storagehub.schema.event.Envelope;
import java.io.IOException;

/**
 * Reads one record value from a stream of tokens straight into the event records: no tree, no per-record maps.
 * The whole value is read first, every field's value or error kept in its slot, so that a syntax error anywhere
 * wins (the value is not JSON) and the rules are then judged in contract order by {@link EnvelopeParts}, giving
 * the same first error as a reader of a parsed tree. An event's {@code data} is read typed as it streams by when
 * {@code pallet} and {@code name} came before it (as every encoder writes them), else it is buffered as tokens.
 */
final class EnvelopeParser {
    private final EnvelopeParts parts = new EnvelopeParts();
    private TokenBuffer bufferedData;

    private EnvelopeParser() {
    }

    static Envelope parse(String text, String recordKey) throws DecodeException {
        try (JsonParser p = Json.MAPPER.createParser(text)) {
            return parse(p, recordKey);
        } catch (IOException e) {
            throw new IllegalStateException("reading a String cannot fail with I/O", e);
        }
    }

    /** {@code ascii}: a value known to hold only ASCII bytes (so its UTF-8 is valid), parsed without a copy. */
    static Envelope parse(byte[] ascii, String recordKey) throws DecodeException {
        try (JsonParser p = Json.MAPPER.createParser(ascii)) {
            return parse(p, recordKey);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail with I/O", e);
        }
    }

    private static Envelope parse(JsonParser p, String recordKey) throws DecodeException, IOException {
        EnvelopeParser parser = new EnvelopeParser();
        try {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new DecodeException(DecodeError.NOT_JSON, "value is empty, expected one JSON object");
            }
            if (first != JsonToken.START_OBJECT) {
                String root = Tokens.describe(p);
                Json.requireEnd(p);
                throw new DecodeException(DecodeError.NOT_AN_OBJECT, "value must be a JSON object, got " + root);
            }
            parser.readRoot(p);
            Json.requireEnd(p);
            parser.readBufferedData();
        } catch (Json.Malformed e) {
            throw new DecodeException(DecodeError.NOT_JSON, e.getMessage());
        } catch (JsonProcessingException e) {
            throw new DecodeException(DecodeError.NOT_JSON, Json.invalid(e).getMessage());
        }
        return parser.parts.envelope(recordKey);
    }

    private void readRoot(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "v":
                    parts.version(p);
                    break;
                case "chain":
                    parts.chain(p);
                    break;
                case "block":
                    readBlock(p);
                    break;
                case "index":
                    parts.index.read(p, WireTypes.U32, "index");
                    break;
                case "pallet":
                    parts.pallet.read(p, WireTypes.TEXT, "pallet");
                    break;
                case "name":
                    parts.name.read(p, WireTypes.TEXT, "name");
                    break;
                case "data":
                    readData(p);
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private void readBlock(JsonParser p) throws IOException {
        parts.blockPresent = true;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            parts.blockNotObject = Tokens.describe(p);
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "number":
                    parts.number.read(p, WireTypes.U32, "block.number");
                    break;
                case "hash":
                    parts.hash.read(p, WireTypes.HEX32, "block.hash");
                    break;
                case "parentHash":
                    parts.parentHash.read(p, WireTypes.HEX32, "block.parentHash");
                    break;
                case "timestamp":
                    parts.timestamp.read(p, WireTypes.TEXT, "block.timestamp");
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private void readData(JsonParser p) throws IOException {
        parts.dataPresent = true;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            parts.dataNotObject = Tokens.describe(p);
            return;
        }
        if (parts.pallet.present && parts.name.present) {
            parts.event(p);
        } else {
            TokenBuffer buffer = new TokenBuffer(p, null);
            buffer.forceUseOfBigDecimal(true);
            buffer.copyCurrentStructure(p);
            bufferedData = buffer;
        }
    }

    /** {@code data} came before {@code pallet} or {@code name}: read it now from its tokens. */
    private void readBufferedData() throws IOException {
        if (bufferedData != null) {
            try (JsonParser data = bufferedData.asParser()) {
                data.nextToken();
                parts.event(data);
            }
        }
    }
}
