package io.storagehub.schema.codec;

import io.storagehub.schema.value.Abbrev;
import io.storagehub.schema.value.InvalidValueException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 date-times in UTC: {@code Z} (or {@code z}) and {@code +00:00} are accepted; other offsets are not. Read
 * by hand, character by character (every envelope has one; a regular expression cost more than the rest of the
 * block), with the checks in the order a single pattern match would give: the shape first, then the offset, then
 * the fraction's length, then the calendar.
 */
final class Rfc3339 {
    private static final int MAX_FRACTION_DIGITS = 9;
    /** {@code yyyy-MM-ddTHH:mm:ss}, before the optional fraction and the offset. */
    private static final int SECONDS_END = 19;
    private static final int OFFSET_LENGTH = "+00:00".length();

    private Rfc3339() {
    }

    static Instant parse(String text) {
        int n = text.length();
        if (n <= SECONDS_END || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 2)
                || text.charAt(7) != '-' || !digits(text, 8, 2) || (text.charAt(10) != 'T' && text.charAt(10) != 't')
                || !digits(text, 11, 2) || text.charAt(13) != ':' || !digits(text, 14, 2)
                || text.charAt(16) != ':' || !digits(text, 17, 2)) {
            throw malformed(text);
        }
        int i = SECONDS_END;
        int fractionStart = i;
        if (text.charAt(i) == '.') {
            fractionStart = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == fractionStart) {
                throw malformed(text);
            }
        }
        int fractionEnd = i;
        char sign = i < n ? text.charAt(i) : 0;
        boolean zulu = (sign == 'Z' || sign == 'z') && i + 1 == n;
        if (!zulu && !((sign == '+' || sign == '-') && i + OFFSET_LENGTH == n && digits(text, i + 1, 2)
                && text.charAt(i + 3) == ':' && digits(text, i + 4, 2))) {
            throw malformed(text);
        }
        if (!zulu && !text.startsWith("+00:00", i)) {
            throw new InvalidValueException("must be in UTC (offset Z or +00:00), got offset " + text.substring(i));
        }
        int fractionDigits = fractionEnd - fractionStart;
        if (fractionDigits > MAX_FRACTION_DIGITS) {
            throw new InvalidValueException("must have at most 9 fractional second digits, got " + fractionDigits);
        }
        int nanos = 0;
        for (int d = 0; d < MAX_FRACTION_DIGITS; d++) {
            nanos = nanos * 10 + (d < fractionDigits ? text.charAt(fractionStart + d) - '0' : 0);
        }
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (second == 60 && hour == 23 && minute == 59) {
            second = 59; // a leap second, read as java.time does: the last second of the day
        }
        try {
            return LocalDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2), hour, minute, second,
                    nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidValueException("is not a valid date-time (" + e.getMessage() + "): \""
                    + Abbrev.of(text) + "\"");
        }
    }

    private static InvalidValueException malformed(String text) {
        return new InvalidValueException("must be an RFC 3339 UTC date-time such as 2024-05-01T12:00:00Z, got \""
                + Abbrev.of(text) + "\"");
    }

    /** Whether the {@code count} characters from {@code from} are ASCII digits (as {@code [0-9]}, no others). */
    private static boolean digits(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The ASCII digits from {@code from} read as a decimal number (checked as {@link #digits} first). */
    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
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
