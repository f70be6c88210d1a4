package io.storagehub.api.config;

/** The configuration is invalid; the message names every offending key and its accepted values. */
public final class InvalidConfigException extends IllegalArgumentException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
