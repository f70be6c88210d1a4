package io.storagehub.schema.value;

/** Shared checks for the hex-encoded value types of the contract. Uppercase input is normalized to lowercase. */
final class HexText {
    private static final byte LOWER = 1;
    private static final byte UPPER = 2;
    /** By ASCII character: LOWER for 0-9 and a-f, UPPER for A-F, 0 for anything else (one lookup a character). */
    private static final byte[] DIGITS = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            DIGITS[c] = LOWER;
        }
        for (char c = 'a'; c <= 'f'; c++) {
            DIGITS[c] = LOWER;
            DIGITS[c - 'a' + 'A'] = UPPER;
        }
    }

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

    /**
     * {@code raw} when it already is {@code 0x} + lowercase hex (the common case, without copying), its lowercase
     * form when it only differs in case; anything else is rejected.
     */
    static String normalize(String raw, String typeName) {
        if (raw == null) {
            throw new InvalidValueException(typeName + " must not be null");
        }
        int length = raw.length();
        boolean prefixed = length >= 2 && raw.charAt(0) == '0' && (raw.charAt(1) == 'x' || raw.charAt(1) == 'X');
        if (!prefixed) {
            throw notHex(raw, typeName);
        }
        int seen = raw.charAt(1) == 'x' ? 0 : UPPER;
        for (int i = 2; i < length; i++) {
            char c = raw.charAt(i);
            int kind = c < DIGITS.length ? DIGITS[c] : 0;
            if (kind == 0) {
                throw notHex(raw, typeName);
            }
            seen |= kind;
        }
        return (seen & UPPER) == 0 ? raw : toLower(raw);
    }

    private static String toLower(String hex) {
        char[] chars = new char[hex.length()];
        for (int i = 0; i < chars.length; i++) {
            char c = hex.charAt(i);
            chars[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(chars);
    }

    private static InvalidValueException notHex(String raw, String typeName) {
        return new InvalidValueException(typeName + " must be 0x-prefixed hex, got '" + Abbrev.of(raw) + "'");
    }
}
