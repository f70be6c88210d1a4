package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.storagehub.schema.value.Abbrev;
import java.io.IOException;

/** The parser's current value in error messages: what it was (untrusted input abbreviated), and typed text. */
final class Tokens {
    private Tokens() {
    }

    /** "the string \"abc\"", "the integer -1", "null", "an array", ...; a container is skipped to its end. */
    static String describe(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null) {
            return "nothing";
        }
        switch (token) {
            case VALUE_NULL:
                return "null";
            case VALUE_STRING:
                return "the string \"" + Abbrev.of(p.getText()) + "\"";
            case VALUE_NUMBER_INT:
                return "the integer " + Abbrev.of(p.getBigIntegerValue().toString());
            case VALUE_NUMBER_FLOAT:
                return "the number " + Abbrev.of(p.getDecimalValue().toString());
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case START_ARRAY:
                p.skipChildren();
                return "an array";
            default:
                p.skipChildren();
                return "an object";
        }
    }

    /** The current value does not have the expected type: consumes it and says what it was. */
    static FieldError mismatch(String path, String expected, JsonParser p) throws IOException {
        return FieldError.invalid(path + ": " + expected + ", got " + describe(p));
    }

    /**
     * The current string value's text, checked as stored text ({@link JsonText#problem}) in the parser's buffer before
     * the string is made; {@code typeName} names the type in the messages ("account"), or is empty for plain strings.
     */
    static String requireText(JsonParser p, String path, String typeName) throws IOException, FieldError {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw mismatch(path, subject(typeName) + "must be a JSON string", p);
        }
        String problem = JsonText.problem(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (problem != null) {
            throw FieldError.invalid(path + ": " + subject(typeName) + problem);
        }
        return p.getText();
    }

    /** "account " for a type name, nothing for none. */
    private static String subject(String typeName) {
        return typeName.isEmpty() ? "" : typeName + " ";
    }
}
