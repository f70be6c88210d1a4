package io.storagehub.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Raw configuration values by key ({@code STORAGEHUB_TOPIC}), merged from lowest to highest precedence: a
 * properties file (see {@link PropertiesFile}), the environment ({@code STORAGEHUB_*} variables only), then
 * command-line flags. In each source a secret key may instead be given as {@code <KEY>_FILE}, the path of a file
 * holding it (see {@link SecretFiles}). Typed getters validate and throw a {@link ConfigException} naming the key.
 */
public final class Settings {
    public static final String PREFIX = "STORAGEHUB_";
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** One source of values (a test, or settings a process hands to the services it embeds). */
    public static Settings of(Map<String, String> values) {
        return new Settings(SecretFiles.resolve(withoutNulls(values)));
    }

    /** Merges a properties file (optional), the environment and explicit overrides (flags), in that order. */
    public static Settings load(Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>();
        file.ifPresent(path -> merged.putAll(SecretFiles.resolve(PropertiesFile.read(path))));
        Map<String, String> storageHub = new HashMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith(PREFIX) && v != null) {
                storageHub.put(k, v);
            }
        });
        merged.putAll(SecretFiles.resolve(storageHub));
        merged.putAll(SecretFiles.resolve(withoutNulls(overrides)));
        return new Settings(merged);
    }

    private static Map<String, String> withoutNulls(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    /** The trimmed value of {@code key}, empty when unset or blank. */
    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String string(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    /** The value of a key without a default; {@code accepted} says what it must be. */
    public String required(String key, String accepted) {
        return find(key).orElseThrow(() -> ConfigException.missing(key, accepted));
    }

    /** An integer; a non-number is an error naming the key, a number is checked by its consumer. */
    public int integer(String key, int fallback) {
        return integer(key, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer");
    }

    public int integer(String key, int fallback, int min, int max) {
        return integer(key, fallback, min, max, "an integer in [" + min + ", " + max + "]");
    }

    private int integer(String key, int fallback, int min, int max, String accepted) {
        return (int) number(key, min, max, accepted).orElse(fallback);
    }

    /** {@code true} or {@code false} (any case). */
    public boolean bool(String key, boolean fallback) {
        Optional<String> raw = find(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        if (raw.get().equalsIgnoreCase("true") || raw.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw.get());
        }
        throw ConfigException.invalid(key, raw.get(), "true or false");
    }

    /** A duration in whole milliseconds; a non-number is an error naming the key. */
    public Duration millis(String key, Duration fallback) {
        return millis(key, fallback, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number of milliseconds");
    }

    public Duration millis(String key, Duration fallback, long minMillis, long maxMillis) {
        return millis(key, fallback, minMillis, maxMillis, "milliseconds in [" + minMillis + ", " + maxMillis + "]");
    }

    private Duration millis(String key, Duration fallback, long minMillis, long maxMillis, String accepted) {
        OptionalLong value = number(key, minMillis, maxMillis, accepted);
        return value.isPresent() ? Duration.ofMillis(value.getAsLong()) : fallback;
    }

    /** The key's whole number in {@code [min, max]}, empty when unset; anything else names the key. */
    private OptionalLong number(String key, long min, long max, String accepted) {
        Optional<String> raw = find(key);
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < min || value > max) {
                throw ConfigException.invalid(key, raw.get(), accepted);
            }
            return OptionalLong.of(value);
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(key, raw.get(), accepted);
        }
    }
}
