package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Compact JSON with object keys sorted at every level, so equal content always gives equal text. */
final class CanonicalJson {
    private CanonicalJson() {
    }

    static String of(JsonNode node) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = Json.MAPPER.createGenerator(text)) {
            write(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static void write(JsonGenerator out, JsonNode node) throws IOException {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            out.writeStartObject();
            for (String key : keys) {
                out.writeFieldName(key);
                write(out, node.get(key));
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (node.isTextual()) {
            out.writeString(node.textValue());
        } else if (node.isIntegralNumber()) {
            out.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.writeNumber(node.decimalValue());
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else if (node.isNull()) {
            out.writeNull();
        } else {
            throw new IllegalArgumentException("not a parsed JSON value: " + node.getNodeType());
        }
    }
}
