package io.storagehub.indexer.config;

/** A configuration value that is missing or out of range. The message names the key and what it accepts. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    static ConfigException invalid(String key, Object value, String accepted) {
        return new ConfigException(key + " = '" + value + "' is invalid: expected " + accepted);
    }
}
