package io.storagehub.indexer.health;

import java.util.function.BooleanSupplier;

/** One condition of readiness, by name. A check that throws counts as failed. */
public record ReadinessCheck(String name, BooleanSupplier check) {

    boolean passes() {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
