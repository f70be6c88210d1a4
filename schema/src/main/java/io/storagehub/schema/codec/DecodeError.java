package io.storagehub.schema.codec;

/** Why a Kafka record value is not a valid event of the contract. Every kind is poison input. */
public enum DecodeError {
    /** The value is null (a tombstone) or its bytes are not valid UTF-8. */
    NOT_UTF8,
    /** The text is not exactly one JSON value: syntax error, empty input, trailing data or a duplicate key. */
    NOT_JSON,
    /** The JSON value is not an object. */
    NOT_AN_OBJECT,
    /** {@code v} is missing or is not the integer {@code 1}. */
    UNSUPPORTED_VERSION,
    /** An envelope field ({@code chain}, {@code block.*}, {@code index}, {@code pallet}, {@code name}, {@code data}) is missing or ill-typed. */
    INVALID_ENVELOPE,
    /** The record key is null or differs from {@code chain}. */
    KEY_MISMATCH,
    /** A field of a projected event's {@code data} is missing. */
    MISSING_FIELD,
    /** A field of a projected event's {@code data} has the wrong type or an out-of-range value. */
    INVALID_FIELD
}
