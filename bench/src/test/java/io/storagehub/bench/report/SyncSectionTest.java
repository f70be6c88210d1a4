package io.storagehub.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.bench.backfill.CatchUpResult;
import io.storagehub.bench.backfill.CopyLoad;
import io.storagehub.bench.backfill.FirstSyncResult;
import io.storagehub.bench.backfill.IndexerRunResult;
import io.storagehub.bench.backfill.PerEventBaseline;
import io.storagehub.bench.profile.JfrSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncSectionTest {

    private static IndexerRunResult run(long events, double seconds, double indexerCpu, double postgresCpu,
                                        long steadyEvents, double steadyIndexerCpu) {
        return new IndexerRunResult(events, seconds,
                Map.of(IndexerRunResult.INDEXER, indexerCpu, IndexerRunResult.POSTGRES, postgresCpu,
                        IndexerRunResult.HARNESS, 1.0),
                steadyEvents, seconds / 2, Map.of(IndexerRunResult.INDEXER, steadyIndexerCpu,
                        IndexerRunResult.POSTGRES, postgresCpu / 2, IndexerRunResult.HARNESS, 0.5),
                Map.of(), List.of(), new JfrSummary(0, Map.of(), Map.of(), Map.of(), Map.of()));
    }

    private static FirstSyncResult firstSync(double seconds, double copySeconds) {
        return new FirstSyncResult(run(100_000, seconds, 5, 5, 90_000, 4),
                new CopyLoad.Result(30_000, 1_000_000, Duration.ofMillis((long) (copySeconds * 1000))),
                new PerEventBaseline.Result(1_000, Duration.ofSeconds(2)), "ok");
    }

    @Test
    void firstSyncGoal_isTheTimeOverTheCopyTime_metAtThreeTimes() {
        // when
        Goal goal = SyncSection.goals(firstSync(6, 2)).get(0);

        // then
        assertThat(goal.target()).isEqualTo("<= 3.00x the COPY of the same final rows (stretch: 1.50x)");
        assertThat(goal.measured()).isEqualTo("3.00x (6.0 s vs 2.0 s)");
        assertThat(goal.met()).isTrue();
    }

    @Test
    void firstSyncGoal_isMissedAboveThreeTimes_andNamesTheStretchWhenMet() {
        assertThat(SyncSection.goals(firstSync(6.2, 2)).get(0).met()).isFalse();
        assertThat(SyncSection.goals(firstSync(2.8, 2)).get(0).measured()).isEqualTo("1.40x (2.8 s vs 2.0 s), stretch met");
    }

    @Test
    void catchUpGoals_judgeIndexerAndPostgresCpuPerEvent_eachOnItsOwn() {
        // given: 1,000,000 events; the indexer used 11 CPU s (11 µs/event), Postgres 16 (16 µs/event)
        CatchUpResult result = new CatchUpResult(1_000_000, run(1_000_000, 60, 11, 16, 900_000, 8.1), "ok");

        // when
        List<Goal> goals = SyncSection.goals(result);

        // then
        assertThat(goals).extracting(Goal::benchmark).containsOnly("live catch-up");
        assertThat(goals.get(0).target()).isEqualTo("indexer CPU <= 12 µs per event (1,000,000 events behind)");
        assertThat(goals.get(0).measured())
                .isEqualTo("11.0 µs (11.0 CPU s, launch to caught up); from the first commit on 9.0 µs");
        assertThat(goals.get(0).met()).isTrue();
        assertThat(goals.get(1).target()).startsWith("Postgres CPU <= 15 µs per event, all backends");
        assertThat(goals.get(1).measured()).startsWith("16.0 µs (16.0 CPU s");
        assertThat(goals.get(1).met()).isFalse();
    }

    @Test
    void perEvent_leavesOutTheSteadyFigure_whenNoCheckpointPrecededTheEnd() {
        // given: one bulk load, its only checkpoint at the end
        IndexerRunResult bulk = run(100_000, 10, 2.5, 3, 0, 0);

        // then
        assertThat(SyncSection.perEvent(bulk, IndexerRunResult.INDEXER)).isEqualTo("25.0 µs (2.5 CPU s, launch to caught up)");
        assertThat(SyncSection.firstSync(new FirstSyncResult(bulk, new CopyLoad.Result(1, 1, Duration.ofSeconds(1)),
                new PerEventBaseline.Result(1_000, Duration.ofSeconds(2)), "ok"), ""))
                .doesNotContain("first stored checkpoint").contains("| CPU per event |").contains("| 25.0 µs |");
    }
}
