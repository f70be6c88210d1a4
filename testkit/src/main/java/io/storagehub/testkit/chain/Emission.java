package io.storagehub.testkit.chain;

import io.storagehub.schema.event.ChainEvent;

/** One generated payload and the verdict the projection must reach on it. */
record Emission(ChainEvent event, Verdict verdict) {
    static Emission applied(ChainEvent event) {
        return event == null ? null : new Emission(event, Verdict.APPLIED);
    }

    static Emission unknown(ChainEvent event) {
        return new Emission(event, Verdict.UNKNOWN_ENTITY);
    }

    static Emission exists(ChainEvent event) {
        return new Emission(event, Verdict.ALREADY_EXISTS);
    }

    static Emission mismatch(ChainEvent event) {
        return new Emission(event, Verdict.MISMATCH);
    }
}
