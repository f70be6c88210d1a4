package io.storagehub.schema.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HexTextTest {
    /** The rule as the contract states it: lowercase the input, then it must be 0x and hex digits. */
    private static final Pattern RULE = Pattern.compile("0x[0-9a-f]*");
    private static final String ALPHABET = "0123456789abcdefABCDEFxXgG \u212a\u0130-";

    @Test
    void acceptsAndNormalizesExactlyWhatTheRuleAccepts() {
        Random random = new Random(7);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            String raw = sample(random);
            Optional<String> expected = reference(raw);
            Optional<String> actual = attempt(raw);
            assertEquals(expected, actual, () -> "input '" + raw + "'");
            if (expected.isPresent()) {
                accepted++;
            }
        }
        // the sample must exercise both answers, or the comparison proves nothing
        assertEquals(true, accepted > 10_000 && accepted < 190_000, "accepted " + accepted);
    }

    @Test
    void returnsLowercaseInputWithoutCopying() {
        String hex = "0x" + "ab".repeat(32);
        assertSame(hex, new Hash32(hex).hex());
        assertEquals(hex, new Hash32(hex.toUpperCase(Locale.ROOT)).hex());
    }

    @Test
    void rejectsNullAndNamesTheType() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Bytes.of("0xzz"));
        assertEquals(true, e.getMessage().startsWith("bytes must be 0x-prefixed hex"), e.getMessage());
        assertThrows(InvalidValueException.class, () -> Bytes.of(null));
    }

    private static String sample(Random random) {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(10) > 0) {
            s.append(random.nextBoolean() ? "0x" : "0X");
        }
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            // mostly hex digits, sometimes anything from the alphabet
            s.append(random.nextInt(6) > 0 ? ALPHABET.charAt(random.nextInt(22))
                    : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static Optional<String> reference(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return RULE.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    private static Optional<String> attempt(String raw) {
        try {
            return Optional.of(HexText.normalize(raw, "bytes"));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
