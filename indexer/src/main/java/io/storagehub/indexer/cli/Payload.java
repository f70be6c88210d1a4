package io.storagehub.indexer.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Record bytes as an operator can read them: {@code format} is {@code json} (content is the parsed value, shown
 * pretty-printed), {@code text} (valid UTF-8 that is not JSON; shown with control characters escaped),
 * {@code base64} (anything else) or {@code none} (a null key or value).
 */
record Payload(String format, int bytes, Object content) {
    /** Shows as JSON only what is exactly one JSON value: no duplicate keys, no trailing data, exact numbers. */
    private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static Payload of(byte[] data) {
        if (data == null) {
            return new Payload("none", 0, null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return new Payload("base64", data.length, Base64.getEncoder().encodeToString(data));
        }
        try {
            JsonNode json = STRICT.readTree(text);
            if (json != null && !json.isMissingNode() && json.isContainerNode()) {
                return new Payload("json", data.length, json);
            }
        } catch (JsonProcessingException e) {
            // not JSON: shown as text
        }
        return new Payload("text", data.length, text);
    }

    /** The content as lines of text: pretty JSON, escaped text or base64. */
    String render() {
        if (content == null) {
            return "(none)";
        }
        if (content instanceof JsonNode json) {
            return json.toPrettyString();
        }
        return "text".equals(format) ? escape((String) content) : (String) content;
    }

    /** Control characters and backslashes as escapes, so the text is one line and shows what the bytes hold. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
