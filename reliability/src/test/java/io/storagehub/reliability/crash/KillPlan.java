package io.storagehub.reliability.crash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded kill moments: each kill has a phase and a progress target (records accounted for in the stored
 * offsets) after which the test starts watching for that phase. Targets are stratified: one at random in each of
 * {@code n} equal slices of the backfill; every phase comes up in turn, in a shuffled order.
 */
record KillPlan(List<Kill> kills) {

    record Kill(KillPhase phase, long afterProgress) {
    }

    /** {@code kills} kills over {@code records} records; a rebalance kill counts {@code rebalanceCost} kills. */
    static KillPlan of(long seed, int kills, long records, int rebalanceCost) {
        Random random = new Random(seed);
        List<KillPhase> phases = new ArrayList<>();
        int budget = kills;
        while (budget > 0) {
            List<KillPhase> round = new ArrayList<>(List.of(KillPhase.values()));
            Collections.shuffle(round, random);
            for (KillPhase phase : round) {
                int cost = phase == KillPhase.REBALANCE ? rebalanceCost : 1;
                if (cost <= budget) {
                    phases.add(phase);
                    budget -= cost;
                }
            }
        }
        List<Kill> plan = new ArrayList<>();
        int n = phases.size();
        for (int i = 0; i < n; i++) {
            double stratum = (i + random.nextDouble()) / n;
            plan.add(new Kill(phases.get(i), (long) (records * (0.03 + 0.9 * stratum))));
        }
        return new KillPlan(List.copyOf(plan));
    }
}
