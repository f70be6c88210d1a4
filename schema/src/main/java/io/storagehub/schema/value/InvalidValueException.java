package io.storagehub.schema.value;

/** A value does not satisfy its type's rule from the event contract. The message names the rule. */
public final class InvalidValueException extends IllegalArgumentException {
    public InvalidValueException(String message) {
        super(message);
    }
}
