package io.storagehub.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.schema.value.Abbrev;

/** Describes untrusted JSON values for error messages, and checks text that will be stored. */
final class JsonText {
    private JsonText() {
    }

    /** "the string \"abc\"", "the integer -1", "null", ... with long input abbreviated. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the string \"" + Abbrev.of(node.textValue()) + "\"";
        }
        if (node.isIntegralNumber()) {
            return "the integer " + Abbrev.of(node.bigIntegerValue().toString());
        }
        if (node.isNumber()) {
            return "the number " + Abbrev.of(node.decimalValue().toString());
        }
        if (node.isBoolean()) {
            return String.valueOf(node.booleanValue());
        }
        return node.isArray() ? "an array" : "an object";
    }

    /**
     * Null when the text can be stored as written; otherwise why not. Postgres text holds neither NUL characters
     * nor unpaired UTF-16 surrogates (which a JSON {@code \\u} escape can produce).
     */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain NUL (U+0000), found at index " + i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode, found an unpaired surrogate U+" + Integer.toHexString(c).toUpperCase()
                        + " at index " + i;
            }
        }
        return null;
    }
}
