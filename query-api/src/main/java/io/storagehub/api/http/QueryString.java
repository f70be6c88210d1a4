package io.storagehub.api.http;

import io.storagehub.api.problem.ApiProblem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strictly decoded query string ({@code application/x-www-form-urlencoded}: {@code +} is a space). A broken
 * percent-encoding or bytes that are not UTF-8 are a 400, never silently replaced.
 */
final class QueryString {
    private final Map<String, List<String>> values;

    private QueryString(Map<String, List<String>> values) {
        this.values = values;
    }

    static QueryString parse(String raw) {
        Map<String, List<String>> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return new QueryString(values);
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new QueryString(values);
    }

    /** The first value of a parameter, if present. */
    Optional<String> first(String name) {
        List<String> all = values.get(name);
        return all == null ? Optional.empty() : Optional.of(all.get(0));
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw malformed();
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int codePoint = encoded.codePointAt(i);
                if (Character.isSurrogate(c) && Character.charCount(codePoint) == 1) {
                    throw ApiProblem.badRequest("query string is not valid UTF-8");
                }
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("query string is not valid UTF-8 after percent-decoding");
        }
    }

    private static ApiProblem malformed() {
        return ApiProblem.badRequest("query string has a malformed percent-encoding");
    }
}
