package io.storagehub.schema.value;

import java.util.Locale;
import java.util.regex.Pattern;

/** Shared checks for the hex-encoded value types of the contract. Uppercase input is normalized to lowercase. */
final class HexText {
    private static final Pattern HEX = Pattern.compile("0x[0-9a-f]*");

    private HexText() {
    }

    static String fixed(String raw, int hexChars, String typeName) {
        String hex = normalize(raw, typeName);
        if (hex.length() != hexChars + 2) {
            throw new InvalidValueException(typeName + " must be 0x followed by " + hexChars
                    + " hex characters, got " + (hex.length() - 2));
        }
        return hex;
    }

    static String evenLength(String raw, String typeName) {
        String hex = normalize(raw, typeName);
        if ((hex.length() - 2) % 2 != 0) {
            throw new InvalidValueException(typeName + " must have an even number of hex characters");
        }
        return hex;
    }

    private static String normalize(String raw, String typeName) {
        if (raw == null) {
            throw new InvalidValueException(typeName + " must not be null");
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(lower).matches()) {
            throw new InvalidValueException(typeName + " must be 0x-prefixed hex, got '" + Abbrev.of(raw) + "'");
        }
        return lower;
    }
}
