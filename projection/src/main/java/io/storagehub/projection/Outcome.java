package io.storagehub.projection;

import io.storagehub.schema.event.Envelope;

/** What applying one event did. {@code reason} is set for {@link Kind#REJECTED} only. */
public record Outcome(Envelope event, Kind kind, RejectReason reason, String detail) {

    public enum Kind { APPLIED, SKIPPED_NOT_PROJECTED, SKIPPED_DUPLICATE, REJECTED }

    /** Why an event is poison for the projection (the caller dead-letters it). */
    public enum RejectReason {
        /** The event references an MSP, BSP, bucket, file, value proposition or stream the read model lacks. */
        UNKNOWN_ENTITY,
        /** The event would create an entity that already exists. */
        ALREADY_EXISTS,
        /** The event names entities that do not belong together (e.g. a file and a bucket it is not in). */
        MISMATCH,
        /** A position at or before the chain's last applied position, with different content. */
        CONFLICTING_DUPLICATE
    }

    public static Outcome applied(Envelope event) {
        return new Outcome(event, Kind.APPLIED, null, null);
    }

    public static Outcome notProjected(Envelope event) {
        return new Outcome(event, Kind.SKIPPED_NOT_PROJECTED, null, null);
    }

    public static Outcome duplicate(Envelope event) {
        return new Outcome(event, Kind.SKIPPED_DUPLICATE, null, null);
    }

    public static Outcome rejected(Envelope event, RejectReason reason, String detail) {
        return new Outcome(event, Kind.REJECTED, reason, detail);
    }
}
