package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.function.Function;

/** The string wire types: plain text and string-encoded value types. */
final class TextTypes {
    private TextTypes() {
    }

    /** A plain string (multiaddress, peer id, reason, bucket name), optionally bounded in UTF-8 bytes. */
    record Text(int maxBytes) implements WireType {
        @Override
        public Object read(JsonParser p, String path) throws IOException, FieldError {
            String text = Tokens.requireText(p, path, "");
            int bytes = Utf8.length(text);
            if (bytes > maxBytes) {
                throw FieldError.invalid(path + ": " + tooLong(bytes));
            }
            return text;
        }

        @Override
        public void write(JsonGenerator out, Object value, String path) throws IOException {
            String text = (String) value;
            String problem = JsonText.problem(text);
            if (problem != null) {
                throw new IllegalArgumentException(path + ": " + problem);
            }
            if (Utf8.length(text) > maxBytes) {
                throw new IllegalArgumentException(path + ": " + tooLong(Utf8.length(text)));
            }
            out.writeString(text);
        }

        private String tooLong(int bytes) {
            return "must be at most " + maxBytes + " UTF-8 bytes, got " + bytes;
        }
    }

    /** A string-encoded value type; its constructor validates and normalizes (lowercase hex). */
    record TextValue<T>(String name, Function<String, T> parse, Function<T, String> show)
            implements WireType {
        @Override
        public Object read(JsonParser p, String path) throws IOException, FieldError {
            String text = Tokens.requireText(p, path, name);
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw FieldError.invalid(path + ": " + e.getMessage());
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void write(JsonGenerator out, Object value, String path) throws IOException {
            String text = show.apply((T) value);
            String problem = JsonText.problem(text);
            if (problem != null) {
                throw new IllegalArgumentException(path + ": " + name + " " + problem);
            }
            out.writeString(text);
        }
    }
}
