package io.storagehub.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KillPlanTest {

    @Test
    void targetsFallOnePerSliceOfTheBackfill_inOrder() {
        KillPlan plan = KillPlan.of(1, 20, 1_000_000, 1);
        List<Long> targets = plan.kills().stream().map(KillPlan.Kill::afterProgress).toList();
        assertThat(targets).hasSize(20).isSorted();
        for (int i = 0; i < 20; i++) {
            assertThat(targets.get(i)).isBetween(30_000 + 45_000L * i, 30_000 + 45_000L * (i + 1));
        }
    }

    @Test
    void everyPhaseComesUp_andARebalanceCanCostTwoKills() {
        KillPlan soak = KillPlan.of(2, 20, 1000, 1);
        assertThat(soak.kills()).extracting(KillPlan.Kill::phase).containsOnly(KillPhase.values())
                .filteredOn(p -> p == KillPhase.REBALANCE).hasSize(5);
        KillPlan ci = KillPlan.of(2, 6, 1000, 2);
        long rebalances = ci.kills().stream().filter(k -> k.phase() == KillPhase.REBALANCE).count();
        assertThat(ci.kills().size() + rebalances).isEqualTo(6);
        assertThat(ci.kills()).extracting(KillPlan.Kill::phase).contains(KillPhase.BATCH, KillPhase.POLL,
                KillPhase.DLQ_PRODUCE, KillPhase.REBALANCE);
    }

    @Test
    void theSameSeed_makesTheSamePlan() {
        assertThat(KillPlan.of(9, 8, 5000, 2)).isEqualTo(KillPlan.of(9, 8, 5000, 2));
    }
}
