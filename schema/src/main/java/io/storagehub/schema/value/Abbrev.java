package io.storagehub.schema.value;

/** Shortens untrusted input before it is quoted in an error message. */
public final class Abbrev {
    private static final int MAX = 80;

    private Abbrev() {
    }

    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...(" + text.length() + " chars)";
    }
}
