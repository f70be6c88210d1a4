package io.storagehub.indexer.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DlqSelectionTest {
    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    private static DlqEntry entry(long id, long second, String chain, String kind) {
        return new DlqEntry(OptionalLong.of(id), T0.plusSeconds(second), Optional.empty(),
                new DeadLetter("events", 0, id, Optional.of(chain), Optional.empty(), kind, "why", null, null));
    }

    @Test
    void keepsTheNewestByTime_oldestFirst_andCountsAll() {
        // given
        DlqSelection selection = new DlqSelection(2);
        // when
        selection.accept(entry(3, 30, "a", "NOT_JSON"));
        selection.accept(entry(1, 10, "a", "NOT_JSON"));
        selection.accept(entry(4, 40, "a", "NOT_JSON"));
        selection.accept(entry(2, 20, "a", "NOT_JSON"));
        // then
        assertThat(selection.matched()).isEqualTo(4);
        assertThat(selection.entries()).extracting(e -> e.id().getAsLong()).containsExactly(3L, 4L);
    }

    @Test
    void filter_matchesByIdChainKindAndHalfOpenTimeRange() {
        DlqEntry e = entry(7, 10, "alpha", "UNKNOWN_ENTITY");
        assertThat(DlqFilter.all().matches(e)).isTrue();
        assertThat(new DlqFilter(OptionalLong.of(7), Optional.of("alpha"), Optional.of("UNKNOWN_ENTITY"),
                Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(11))).matches(e)).isTrue();
        assertThat(new DlqFilter(OptionalLong.of(8), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()).matches(e)).isFalse();
        assertThat(new DlqFilter(OptionalLong.empty(), Optional.of("beta"), Optional.empty(), Optional.empty(),
                Optional.empty()).matches(e)).isFalse();
        assertThat(new DlqFilter(OptionalLong.empty(), Optional.empty(), Optional.of("NOT_JSON"), Optional.empty(),
                Optional.empty()).matches(e)).isFalse();
        assertThat(new DlqFilter(OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plusSeconds(11)), Optional.empty()).matches(e)).isFalse();
        assertThat(new DlqFilter(OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plusSeconds(10))).matches(e)).isFalse();
    }
}
