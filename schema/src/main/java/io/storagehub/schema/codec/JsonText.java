package io.storagehub.schema.codec;

/** Checks text that will be stored. */
final class JsonText {
    /**
     * Each thread's copy of the text it checks (encoding checks every string of every event it writes): reused, so
     * a check makes no array; it grows to the longest text seen.
     */
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[256]);

    private JsonText() {
    }

    /**
     * Null when the text can be stored as written; otherwise why not. Postgres text holds neither NUL characters
     * nor unpaired UTF-16 surrogates (which a JSON {@code \\u} escape can produce).
     */
    static String problem(String text) {
        int length = text.length();
        char[] chars = BUFFER.get();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
            BUFFER.set(chars);
        }
        text.getChars(0, length, chars, 0);
        return problem(chars, 0, length);
    }

    /**
     * {@link #problem(String)} of the {@code length} characters of {@code chars} from {@code offset} (a parser's
     * text buffer, read before a string is made of it); indexes in the message count from {@code offset}.
     */
    static String problem(char[] chars, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (c != '\0' && c < Character.MIN_SURROGATE) {
                continue; // one comparison for nearly every character
            }
            if (c == '\0') {
                return "must not contain NUL (U+0000), found at index " + (i - offset);
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode, found an unpaired surrogate U+" + Integer.toHexString(c).toUpperCase()
                        + " at index " + (i - offset);
            }
        }
        return null;
    }
}
