package io.storagehub.testkit.chain;

/**
 * What the projection must do with a generated event, by the rules of the apply contract: apply it, skip it
 * as not projected, or reject it for the named reason. The generator knows this for every event it emits.
 */
public enum Verdict {
    APPLIED,
    NOT_PROJECTED,
    /** Poison: names a provider, bucket, file, value proposition or stream that does not exist (or is gone). */
    UNKNOWN_ENTITY,
    /** Poison: would create a provider, bucket, live file, value proposition or stream that exists. */
    ALREADY_EXISTS,
    /** Poison: file not in the named bucket, bucket not stored by the named MSP, or wrong stream kind. */
    MISMATCH;

    public boolean isPoison() {
        return this == UNKNOWN_ENTITY || this == ALREADY_EXISTS || this == MISMATCH;
    }
}
