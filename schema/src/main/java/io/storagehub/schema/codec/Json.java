package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;

/**
 * The one strictly configured Jackson mapper of the codec (thread-safe once built): duplicate keys are errors,
 * non-integral numbers are kept as exact decimals (never rounded through a double), and characters outside the
 * Basic Multilingual Plane are written as UTF-8, not as escaped surrogate pairs.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final int MAX_REASON = 200;

    private Json() {
    }

    /** The text is not exactly one JSON value. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses exactly one JSON value; whitespace around it is allowed, anything else is not. */
    static JsonNode readOne(String text) throws Malformed {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode root = MAPPER.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new Malformed("value is empty, expected one JSON object");
            }
            requireEnd(parser);
            return root;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new IllegalStateException("reading a String cannot fail with I/O", e);
        }
    }

    /** After the one JSON value: nothing but whitespace may follow. */
    static void requireEnd(JsonParser parser) throws Malformed, IOException {
        try {
            if (parser.nextToken() != null) {
                throw new Malformed("trailing data after the JSON value" + at(parser.currentTokenLocation()));
            }
        } catch (JsonProcessingException e) {
            throw new Malformed("trailing data after the JSON value" + at(e.getLocation()));
        }
    }

    /** The text is not JSON: the parser's reason, abbreviated, and where. */
    static Malformed invalid(JsonProcessingException e) {
        return new Malformed("value is not valid JSON: " + reason(e) + at(e.getLocation()));
    }

    private static String reason(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "...";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
