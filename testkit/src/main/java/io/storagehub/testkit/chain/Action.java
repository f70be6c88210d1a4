package io.storagehub.testkit.chain;

import io.storagehub.schema.event.ChainEvent;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Something the chain may do next. {@code weight} is its relative likelihood in the current state (0: not
 * now); {@code emit} performs it, updating the model, or returns null when it finds nothing to act on.
 */
record Action(String name, DoubleSupplier weight, Supplier<Emission> emit) {

    /** An action whose events are valid (applied by the projection). */
    static Action valid(String name, DoubleSupplier weight, Supplier<? extends ChainEvent> emit) {
        return new Action(name, weight, () -> Emission.applied(emit.get()));
    }

    /** A poison action, equally likely as the other poison actions. */
    static Action poison(String name, Supplier<Emission> emit) {
        return new Action(name, () -> 1.0, emit);
    }

    /** Saturating weight: {@code base} once {@code n} reaches {@code full}, proportionally less below. */
    static double saturating(double base, int n, int full) {
        return n <= 0 ? 0 : base * Math.min(1.0, (double) n / full);
    }
}
