package io.storagehub.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeArgTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final TimeArg arg = new TimeArg(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void convert_readsRfc3339TimesWithAnyOffset() {
        assertThat(arg.convert("2026-12-04T10:00:00Z")).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
        assertThat(arg.convert("2026-12-04T10:00:00.5+02:00")).isEqualTo(Instant.parse("2026-12-04T08:00:00.5Z"));
    }

    @Test
    void convert_readsADateAsTheStartOfItsUtcDay() {
        assertThat(arg.convert("2026-12-01")).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void convert_readsAnAgeAsThatLongBeforeNow() {
        assertThat(arg.convert("90s")).isEqualTo(NOW.minusSeconds(90));
        assertThat(arg.convert("15m")).isEqualTo(NOW.minusSeconds(15 * 60));
        assertThat(arg.convert("2h")).isEqualTo(NOW.minusSeconds(2 * 3600));
        assertThat(arg.convert("7d")).isEqualTo(NOW.minusSeconds(7 * 86400));
    }

    @Test
    void convert_rejectsAnythingElse_sayingWhatIsAccepted() {
        for (String bad : new String[] {"yesterday", "2026-13-01", "5w", "-2h", "2026-12-04 10:00"}) {
            assertThatThrownBy(() -> arg.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining(bad).hasMessageContaining("RFC 3339");
        }
    }
}
