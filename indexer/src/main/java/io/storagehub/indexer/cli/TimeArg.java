package io.storagehub.indexer.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time on the command line: an RFC 3339 time ({@code 2026-12-04T10:00:00Z}, any offset), a UTC date
 * ({@code 2026-12-04}, its start) or an age ({@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}: that long ago).
 */
final class TimeArg implements ITypeConverter<Instant> {
    static final String FORMATS = "an RFC 3339 time (2026-12-04T10:00:00Z), a UTC date (2026-12-04) or an age "
            + "(90s, 15m, 2h, 7d ago)";
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");
    private final Clock clock;

    TimeArg() {
        this(Clock.systemUTC());
    }

    TimeArg(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String text = value.trim();
        Matcher age = AGE.matcher(text);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            Duration unit = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return clock.instant().minus(unit.multipliedBy(amount));
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not " + FORMATS);
        }
    }
}
