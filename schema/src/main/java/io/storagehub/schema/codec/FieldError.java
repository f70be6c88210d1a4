package io.storagehub.schema.codec;

/** A field of the envelope or of an event's data failed its rule; the envelope reader adds chain and position. */
final class FieldError extends Exception {
    private final DecodeError kind;

    private FieldError(DecodeError kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static FieldError missing(String path) {
        return new FieldError(DecodeError.MISSING_FIELD, path + " is missing");
    }

    static FieldError missingNullable(String path) {
        return new FieldError(DecodeError.MISSING_FIELD, path + " is missing (it may be null but must be present)");
    }

    static FieldError invalid(String message) {
        return new FieldError(DecodeError.INVALID_FIELD, message);
    }

    DecodeError kind() {
        return kind;
    }
}
