package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.Utf8Order;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationRangeTest {

    @Test
    void upperBound_incrementsTheLastCodePoint() {
        assertThat(LocationRange.upperBound("photos/")).isEqualTo("photos0");
        assertThat(LocationRange.upperBound("a%")).isEqualTo("a&");
        assertThat(LocationRange.upperBound("é")).isEqualTo("ê");
    }

    @Test
    void upperBound_skipsTheSurrogateRange_andDropsTrailingMaxCodePoints() {
        assertThat(LocationRange.upperBound("x\uD7FF")).isEqualTo("x\uE000");
        String max = Character.toString(Character.MAX_CODE_POINT);
        assertThat(LocationRange.upperBound("ab" + max + max)).isEqualTo("ac");
        assertThat(LocationRange.upperBound("\uD83D\uDE00")).isEqualTo("\uD83D\uDE01");
    }

    @Test
    void upperBound_isAboveAll_forTheEmptyPrefixOrOnlyMaxCodePoints() {
        String max = Character.toString(Character.MAX_CODE_POINT);
        assertThat(LocationRange.upperBound("")).isEqualTo(LocationRange.ABOVE_ALL);
        assertThat(LocationRange.upperBound(max)).isEqualTo(LocationRange.ABOVE_ALL);
    }

    @Test
    void aboveAll_sortsAfterTheLargestLocations() {
        String max = Character.toString(Character.MAX_CODE_POINT);
        String largest = max.repeat(Location.MAX_BYTES / 4);
        assertThat(new Location(largest).path().getBytes(StandardCharsets.UTF_8)).hasSize(Location.MAX_BYTES);
        assertThat(Utf8Order.compare(largest, LocationRange.ABOVE_ALL)).isNegative();
        assertThat(Utf8Order.compare(max.repeat(127) + "\uFFFF", LocationRange.ABOVE_ALL)).isNegative();
    }

    @Test
    void everyStringUnderThePrefix_isInsideTheRange_andTheBoundIsNot() {
        for (String prefix : List.of("a/", "dir/é", "z\uD7FF", "x" + Character.toString(Character.MAX_CODE_POINT))) {
            String upper = LocationRange.upperBound(prefix);
            for (String suffix : List.of("", "a", "\uFFFF", Character.toString(Character.MAX_CODE_POINT).repeat(3))) {
                assertThat(Utf8Order.compare(prefix + suffix, upper)).as(prefix + suffix).isNegative();
            }
            assertThat(upper.startsWith(prefix)).isFalse();
            assertThat(Utf8Order.compare(prefix, upper)).isNegative();
        }
    }

    @Test
    void of_startsAtThePrefix_whenResumingBeforeIt() {
        assertThat(LocationRange.of("b/", List.of("", ""))).isEqualTo(new LocationRange("b/", "", "b0"));
        assertThat(LocationRange.of("b/", List.of("a/z", "0x01"))).isEqualTo(new LocationRange("b/", "", "b0"));
    }

    @Test
    void of_resumesAfterTheKey_whenItIsInsideThePrefix() {
        assertThat(LocationRange.of("b/", List.of("b/x", "0x01"))).isEqualTo(new LocationRange("b/x", "0x01", "b0"));
    }
}
