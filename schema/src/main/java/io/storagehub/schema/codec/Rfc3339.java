package io.storagehub.schema.codec;

import io.storagehub.schema.value.Abbrev;
import io.storagehub.schema.value.InvalidValueException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 3339 date-times in UTC: {@code Z} (or {@code z}) and {@code +00:00} are accepted; other offsets are not. */
final class Rfc3339 {
    private static final Pattern DATE_TIME = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]"
            + "([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]+))?([Zz]|[+-][0-9]{2}:[0-9]{2})");
    private static final int MAX_FRACTION_DIGITS = 9;

    private Rfc3339() {
    }

    static Instant parse(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException("must be an RFC 3339 UTC date-time such as 2024-05-01T12:00:00Z, got \""
                    + Abbrev.of(text) + "\"");
        }
        String offset = m.group(8);
        if (!offset.equalsIgnoreCase("Z") && !offset.equals("+00:00")) {
            throw new InvalidValueException("must be in UTC (offset Z or +00:00), got offset " + offset);
        }
        String fraction = m.group(7) == null ? "" : m.group(7);
        if (fraction.length() > MAX_FRACTION_DIGITS) {
            throw new InvalidValueException("must have at most 9 fractional second digits, got " + fraction.length());
        }
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        if (second == 60 && hour == 23 && minute == 59) {
            second = 59; // a leap second, read as java.time does: the last second of the day
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

    /** Formats as RFC 3339 with {@code Z}; fails for instants outside the years 0000..9999. */
    static String format(Instant instant) {
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("block.timestamp " + instant + " is outside RFC 3339 years 0000..9999");
        }
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
