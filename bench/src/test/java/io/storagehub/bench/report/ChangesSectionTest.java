package io.storagehub.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.bench.backfill.IndexerRunResult;
import io.storagehub.bench.profile.JfrSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangesSectionTest {

    private static IndexerRunResult run(long events, double seconds) {
        Map<String, Double> cpu = Map.of(IndexerRunResult.INDEXER, seconds / 2, IndexerRunResult.POSTGRES,
                seconds / 4, IndexerRunResult.HARNESS, 1.0);
        return new IndexerRunResult(events, seconds, cpu, events, seconds, cpu, Map.of(), List.of(),
                new JfrSummary(0, Map.of(), Map.of(), Map.of(), Map.of()));
    }

    @Test
    void goal_isTheShareOfTheEventsPerSecondWithoutChanges_metFrom85Percent() {
        // given: 100,000 events in 10 s without changes (10,000/s)
        IndexerRunResult off = run(100_000, 10);

        // when: 8,500/s and 8,400/s with them
        Goal met = ChangesSection.goals(off, run(85_000, 10)).get(0);
        Goal missed = ChangesSection.goals(off, run(84_000, 10)).get(0);

        // then
        assertThat(met.benchmark()).isEqualTo("changes kept");
        assertThat(met.met()).isTrue();
        assertThat(missed.met()).isFalse();
        assertThat(missed.measured()).contains("84").contains("8,400").contains("10,000");
    }

    @Test
    void section_listsBothHalves() {
        String md = ChangesSection.compare(run(100_000, 10), run(100_000, 20));

        assertThat(md).contains("| changes off |").contains("| changes on |").contains("50");
    }
}
