package io.storagehub.projection.apply;

import io.storagehub.projection.Outcome.RejectReason;

/** Thrown by an effect before it changes anything, when the event cannot be applied as written. */
final class Rejection extends Exception {
    private final RejectReason reason;

    Rejection(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }

    static Rejection unknown(String what, String id) {
        return new Rejection(RejectReason.UNKNOWN_ENTITY, "unknown " + what + " " + id);
    }

    static Rejection exists(String what, String id) {
        return new Rejection(RejectReason.ALREADY_EXISTS, what + " " + id + " already exists");
    }

    static Rejection mismatch(String detail) {
        return new Rejection(RejectReason.MISMATCH, detail);
    }
}
