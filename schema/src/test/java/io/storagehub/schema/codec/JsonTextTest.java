package io.storagehub.schema.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    /** NUL, both surrogate halves, their neighbours, ASCII, Latin-1 and beyond. */
    private static final String ALPHABET = "\0a~\u00e9\u0416\u5199\ud7ff\ud800\udbff\udc00\udfff\ue000\uffff";

    @Test
    void answersAsTheCharacterByCharacterRule_forTextAnywhereInABuffer() {
        Random random = new Random(11);
        int refused = 0;
        for (int n = 0; n < 100_000; n++) {
            String text = sample(random);
            String expected = reference(text);
            // the text inside a larger buffer, with characters that would be refused around it
            char[] buffer = ("\0\ud800" + text + "\udc00\0").toCharArray();
            assertEquals(expected, JsonText.problem(buffer, 2, text.length()), () -> "text " + escape(text));
            assertEquals(expected, JsonText.problem(text), () -> "text " + escape(text));
            if (expected != null) {
                refused++;
            }
        }
        // both answers must be common, or the comparison proves little
        assertTrue(refused > 10_000 && refused < 90_000, "refused " + refused);
    }

    @Test
    void acceptsPairedSurrogates_andCountsIndexesFromTheTextsStart() {
        assertNull(JsonText.problem("a\ud83d\ude00b"));
        assertEquals("must not contain NUL (U+0000), found at index 1",
                JsonText.problem("xxa\0".toCharArray(), 2, 2));
        assertEquals("must be valid Unicode, found an unpaired surrogate U+D83D at index 0",
                JsonText.problem("\ud83d\ude00".toCharArray(), 0, 1));
        // longer than the reused buffer's first size, then a short text after it
        assertEquals("must not contain NUL (U+0000), found at index 1000", JsonText.problem("q".repeat(1000) + "\0"));
        assertNull(JsonText.problem("ok"));
    }

    /** The rule one character at a time, as first written. */
    private static String reference(String text) {
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

    private static String sample(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            // mostly ASCII, as real text is
            s.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'q');
        }
        return s.toString();
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder();
        text.chars().forEach(c -> s.append(String.format("\\u%04x", c)));
        return s.toString();
    }
}
