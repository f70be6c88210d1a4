package io.storagehub.schema.codec;

/** Checks text that will be stored. */
final class JsonText {
    private JsonText() {
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
