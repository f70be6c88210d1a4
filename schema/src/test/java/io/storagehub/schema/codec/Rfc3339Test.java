package io.storagehub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.schema.value.Abbrev;
import io.storagehub.schema.value.InvalidValueException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    @Test
    void parse_readsUtcDateTimes() {
        assertThat(Rfc3339.parse("2024-05-01T12:00:00Z")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(Rfc3339.parse("2024-05-01t12:00:00z")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(Rfc3339.parse("2024-05-01T12:00:00+00:00")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(Rfc3339.parse("2024-05-01T12:00:00.5Z")).isEqualTo(Instant.parse("2024-05-01T12:00:00.500Z"));
        assertThat(Rfc3339.parse("2024-05-01T12:00:00.123456789Z"))
                .isEqualTo(Instant.parse("2024-05-01T12:00:00.123456789Z"));
        assertThat(Rfc3339.parse("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
    }

    @Test
    void parse_rejectsEachBrokenPart_withTheMessageOfThatPart() {
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01 12:00:00Z")).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01T12:00:00")).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01T12:00:00.Z")).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01T12:00:00ZZ")).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01T12:00:00+0000")).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01T1\u0662:00:00Z")).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01T12:00:00-00:00"))
                .hasMessage("must be in UTC (offset Z or +00:00), got offset -00:00");
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01T12:00:00.1234567890+02:00"))
                .hasMessage("must be in UTC (offset Z or +00:00), got offset +02:00");
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01T12:00:00.1234567890Z"))
                .hasMessage("must have at most 9 fractional second digits, got 10");
        assertThatThrownBy(() -> Rfc3339.parse("2024-02-30T12:00:00Z")).hasMessageContaining("not a valid date-time");
        assertThatThrownBy(() -> Rfc3339.parse("2024-05-01T12:00:60Z")).hasMessageContaining("not a valid date-time");
    }

    /** The reading by hand gives what one pattern match gave, value or message, on mutated date-times. */
    @Test
    void parse_agreesWithThePatternReading_onAGeneratedCorpus() {
        Random random = new Random(7);
        List<String> corpus = new ArrayList<>();
        String[] seeds = {"2024-05-01T12:00:00Z", "1999-12-31T23:59:60.123+00:00", "0000-01-01t00:00:00.000000001z",
                "2024-02-29T06:30:15.5-01:00"};
        String alphabet = "0123456789-:T.Zz+ t\u0663";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int edits = random.nextInt(3); edits > 0 && text.length() > 0; edits--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.insert(at, c);
                    default -> text.deleteCharAt(at);
                }
            }
            corpus.add(text.toString());
        }
        int valid = 0;
        for (String text : corpus) {
            String expected = outcome(() -> PatternReading.parse(text));
            assertThat(outcome(() -> Rfc3339.parse(text))).as(text).isEqualTo(expected);
            valid += expected.startsWith("ok ") ? 1 : 0;
        }
        assertThat(valid).as("valid date-times in the corpus").isBetween(1_000, 19_000);
    }

    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return "ok " + parse.get();
        } catch (InvalidValueException e) {
            return "error " + e.getMessage();
        }
    }

    /** The reading by one regular expression the decoder used before, kept as the oracle. */
    private static final class PatternReading {
        private static final Pattern DATE_TIME = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]"
                + "([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]+))?([Zz]|[+-][0-9]{2}:[0-9]{2})");

        static Instant parse(String text) {
            Matcher m = DATE_TIME.matcher(text);
            if (!m.matches()) {
                throw new InvalidValueException("must be an RFC 3339 UTC date-time such as 2024-05-01T12:00:00Z, "
                        + "got \"" + Abbrev.of(text) + "\"");
            }
            String offset = m.group(8);
            if (!offset.equalsIgnoreCase("Z") && !offset.equals("+00:00")) {
                throw new InvalidValueException("must be in UTC (offset Z or +00:00), got offset " + offset);
            }
            String fraction = m.group(7) == null ? "" : m.group(7);
            if (fraction.length() > 9) {
                throw new InvalidValueException("must have at most 9 fractional second digits, got "
                        + fraction.length());
            }
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = Integer.parseInt(m.group(6));
            if (second == 60 && hour == 23 && minute == 59) {
                second = 59;
            }
            try {
                return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)), hour, minute, second,
                                fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9)))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw new InvalidValueException("is not a valid date-time (" + e.getMessage() + "): \""
                        + Abbrev.of(text) + "\"");
            }
        }
    }
}
