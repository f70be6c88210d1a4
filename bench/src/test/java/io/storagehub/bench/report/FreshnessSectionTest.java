package io.storagehub.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.bench.freshness.BatchMetrics;
import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.freshness.FreshnessResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessSectionTest {

    private static Goal goal(double targetRate, double achievedRate, double p99, int failures) {
        return FreshnessSection.goals(new FreshnessResult(targetRate, achievedRate, 60, 1_000, failures, 20, 50, p99,
                p99 + 10, new BatchMetrics(0, 0, 0, 0, 0), List.of(), new FreshnessResult.Warmup(0, 10, true)))
                .get(0);
    }

    @Test
    void goal_isP99At5000EventsPerSecond_metWhenTheProducerKeptTheRate() {
        Goal goal = goal(5_000, 4_990, 240, 0);

        assertThat(goal.target()).isEqualTo("p99 <= 250 ms at 5,000 events/s");
        assertThat(goal.measured()).isEqualTo("240.0 ms (p50 20.0 ms) at 4,990 events/s achieved");
        assertThat(goal.met()).isTrue();
    }

    @Test
    void goal_isMissed_whenSlowerThan250ms_orRequestsFailed() {
        assertThat(goal(5_000, 5_000, 251, 0).met()).isFalse();
        assertThat(goal(5_000, 5_000, 100, 2).measured()).endsWith(", 2 failed requests");
        assertThat(goal(5_000, 5_000, 100, 2).met()).isFalse();
    }

    @Test
    void goal_isMissed_whenRunBelowTheGoalsRate_orTheProducerFellShort() {
        assertThat(goal(1_000, 1_000, 50, 0).met()).isFalse();
        assertThat(goal(1_000, 1_000, 50, 0).measured()).endsWith(": below the goal's rate");
        assertThat(goal(5_000, 4_000, 50, 0).met()).isFalse();
    }

    @Test
    void goal_saysNoRequestWasAnswered_whenEveryLongPollTimedOut_notNaN() {
        FreshnessResult none = new FreshnessResult(5_000, 5_000, 60, 0, 1_134, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, new BatchMetrics(0, 0, 0, 0, 0), List.of(), new FreshnessResult.Warmup(0, 10, true));

        Goal goal = FreshnessSection.goals(none).get(0);

        assertThat(goal.measured()).isEqualTo("no long-poll answered within its 10 s wait at 5,000 events/s achieved"
                + ", 1134 failed requests");
        assertThat(goal.met()).isFalse();
        assertThat(FreshnessSection.render(none, "")).contains("| 0 | 1134 | - | - | - | - |").doesNotContain("NaN");
    }

    @Test
    void render_saysHowLongTheWarmUpLasted_andWhetherTheIndexerKeptUpByThen() {
        FreshnessResult keptUp = new FreshnessResult(5_000, 5_000, 60, 10, 0, 20, 50, 90, 100,
                new BatchMetrics(0, 0, 0, 0, 0), List.of(), new FreshnessResult.Warmup(1_234, 14.26, true));
        FreshnessResult bound = new FreshnessResult(5_000, 5_000, 60, 10, 0, 20, 50, 90, 100,
                new BatchMetrics(0, 0, 0, 0, 0), List.of(), new FreshnessResult.Warmup(0, 60.0, false));

        assertThat(FreshnessSection.render(keptUp, "")).contains("applied the 1,234 records left in the topic")
                .contains("after a warm-up of 14.3 s (the indexer kept up with the feed)");
        assertThat(FreshnessSection.render(bound, ""))
                .contains("after a warm-up of 60.0 s (its bound: the indexer was not keeping up with the feed)");
    }

    @Test
    void render_listsTheStatementsOfTheWindow_withTheirServerTimePerBatch() {
        FreshnessResult r = new FreshnessResult(5_000, 5_000, 60, 10, 0, 20, 50, 90, 100,
                new BatchMetrics(200, 100_000, 20, 5, 15), List.of(
                        new PgStatements.Statement(200, 3_000, 400_000,
                                "COPY change_key (chain, key, block, event_index) FROM STDIN"),
                        new PgStatements.Statement(200, 1_000, 200, "SELECT `x`")),
                new FreshnessResult.Warmup(0, 10, true));

        assertThat(FreshnessSection.render(r, ""))
                .contains("these statements took 20.0 ms of server time per batch committed")
                .contains("| 200 | 3,000 | 400,000 | `COPY change_key (chain, key, block, event_index) FROM STDIN` |")
                .contains("`SELECT 'x'`");
        assertThat(FreshnessSection.render(new FreshnessResult(5_000, 5_000, 60, 10, 0, 20, 50, 90, 100,
                new BatchMetrics(0, 0, 0, 0, 0), List.of(), new FreshnessResult.Warmup(0, 10, true)), ""))
                .doesNotContain("pg_stat_statements");
    }
}
