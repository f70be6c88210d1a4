package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.NotProjected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes envelopes in the exact wire format of the event contract (version 1): u64 as JSON integers, u128 as
 * decimal strings, the timestamp as RFC 3339 with {@code Z}, {@code data} fields in record component order.
 * Anything {@link EventDecoder} would reject is refused with an IllegalArgumentException. Thread-safe.
 */
public final class EventEncoder {
    /**
     * Each thread's buffer for {@link #dataJson} (one per applied event when changes are kept), reused: written as
     * UTF-8 bytes and read once as a string, which for ASCII is one copy (a writer of chars took three).
     */
    private static final ThreadLocal<Utf8Buffer> DATA_BUFFER = ThreadLocal.withInitial(Utf8Buffer::new);

    /** The UTF-8 record value. */
    public byte[] encode(Envelope envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            write(out, envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The record value as text. */
    public String toJson(Envelope envelope) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(text)) {
            write(out, envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * The {@code data} object of a projected event as the wire carries it (ids lowercase, u64 as JSON integers,
     * u128 as decimal strings, fields in record component order), as text.
     */
    public String dataJson(ChainEvent event) {
        if (event instanceof NotProjected) {
            throw new IllegalArgumentException("NotProjected events keep their own data: " + event);
        }
        Utf8Buffer bytes = DATA_BUFFER.get();
        bytes.reset();
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            RecordShape.of(event.getClass()).write(out, event, "data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = bytes.text();
        if (bytes.oversized()) {
            DATA_BUFFER.remove(); // kept small: one very large event does not pin its buffer to the thread
        }
        return text;
    }

    private static final class Utf8Buffer extends ByteArrayOutputStream {
        Utf8Buffer() {
            super(512);
        }

        String text() {
            return new String(buf, 0, count, StandardCharsets.UTF_8);
        }

        boolean oversized() {
            return buf.length > 64 * 1024;
        }
    }

    private static void write(JsonGenerator out, Envelope envelope) throws IOException {
        ChainEvent event = envelope.event();
        out.writeStartObject();
        out.writeNumberField("v", Envelope.VERSION);
        out.writeStringField("chain", envelope.chain());
        writeBlock(out, envelope.block());
        out.writeFieldName("index");
        WireTypes.U32.write(out, envelope.index(), "index");
        if (event instanceof NotProjected other) {
            writeNotProjected(out, other);
        } else {
            String name = event.getClass().getSimpleName();
            if (EventTypes.lookup(event.pallet(), name).orElse(null) != event.getClass()) {
                throw new IllegalArgumentException(event.getClass().getName() + " is not a projected event type");
            }
            out.writeStringField("pallet", event.pallet());
            out.writeStringField("name", name);
            out.writeFieldName("data");
            RecordShape.of(event.getClass()).write(out, event, "data");
        }
        out.writeEndObject();
    }

    private static void writeBlock(JsonGenerator out, BlockRef block) throws IOException {
        out.writeObjectFieldStart("block");
        out.writeFieldName("number");
        WireTypes.U32.write(out, block.number(), "block.number");
        out.writeStringField("hash", block.hash().hex());
        out.writeStringField("parentHash", block.parentHash().hex());
        out.writeStringField("timestamp", Rfc3339.format(block.timestamp()));
        out.writeEndObject();
    }

    private static void writeNotProjected(JsonGenerator out, NotProjected event) throws IOException {
        String pallet = event.pallet();
        String name = event.name();
        if (pallet == null || pallet.isEmpty() || pallet.codePointCount(0, pallet.length())
                > EnvelopeParts.MAX_PALLET_CHARS || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("NotProjected needs a pallet of 1..64 characters and a name, got "
                    + pallet + "." + name);
        }
        if (EventTypes.lookup(pallet, name).isPresent()) {
            throw new IllegalArgumentException(pallet + "." + name + " is projected: encode its event record");
        }
        out.writeFieldName("pallet");
        WireTypes.TEXT.write(out, pallet, "pallet");
        out.writeFieldName("name");
        WireTypes.TEXT.write(out, name, "name");
        out.writeFieldName("data");
        CanonicalJson.write(out, dataObject(event));
    }

    private static JsonNode dataObject(NotProjected event) {
        try {
            JsonNode data = Json.readOne(String.valueOf(event.dataJson()));
            if (!data.isObject()) {
                throw new IllegalArgumentException("NotProjected.dataJson must be a JSON object");
            }
            return data;
        } catch (Json.Malformed e) {
            throw new IllegalArgumentException("NotProjected.dataJson: " + e.getMessage(), e);
        }
    }
}
