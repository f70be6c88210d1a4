package io.storagehub.testkit.chain;

import java.util.List;

/** Picks an action by weight; an action that finds nothing to do is dropped and the pick repeated. */
final class Chooser {
    private final Rng rng;
    private final Action[] actions;
    private final double[] weights;

    Chooser(Rng rng, List<Action> actions) {
        this.rng = rng;
        this.actions = actions.toArray(new Action[0]);
        this.weights = new double[this.actions.length];
    }

    /** The next emission, or null if no action can act in the current state. */
    Emission choose() {
        double total = 0;
        for (int i = 0; i < actions.length; i++) {
            weights[i] = Math.max(0, actions[i].weight().getAsDouble());
            total += weights[i];
        }
        while (total > 1e-12) {
            int i = pick(rng.nextDouble() * total);
            if (i < 0) {
                return null;
            }
            Emission emission = actions[i].emit().get();
            if (emission != null) {
                return emission;
            }
            total -= weights[i];
            weights[i] = 0;
        }
        return null;
    }

    private int pick(double r) {
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                if (r < weights[i]) {
                    return i;
                }
                r -= weights[i];
                last = i;
            }
        }
        return last;
    }
}
