package io.storagehub.indexer.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Raw configuration values by key ({@code STORAGEHUB_TOPIC}), merged from lowest to highest precedence: a
 * properties file (keys either as {@code STORAGEHUB_TOPIC} or {@code storagehub.topic}), the environment, then
 * command-line flags. Typed getters validate and name the key in their errors.
 */
public final class Settings {
    private static final String PREFIX = "STORAGEHUB_";
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /** Merges a properties file (optional), the environment and explicit overrides (flags), in that order. */
    public static Settings load(Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>();
        file.ifPresent(path -> merged.putAll(readProperties(path)));
        environment.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                merged.put(k, v);
            }
        });
        overrides.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return new Settings(merged);
    }

    private static Map<String, String> readProperties(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + path + ": " + e.getMessage());
        }
        Map<String, String> read = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            String key = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (!key.startsWith(PREFIX)) {
                throw new ConfigException("unknown key '" + name + "' in " + path + ": keys start with storagehub.");
            }
            read.put(key, properties.getProperty(name).trim());
        }
        return read;
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String string(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    public int integer(String key, int fallback, int min, int max) {
        Optional<String> raw = find(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw ConfigException.invalid(key, raw.get(), "an integer in [" + min + ", " + max + "]");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(key, raw.get(), "an integer in [" + min + ", " + max + "]");
        }
    }

    public Duration millis(String key, Duration fallback, long minMillis, long maxMillis) {
        Optional<String> raw = find(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        String accepted = "milliseconds in [" + minMillis + ", " + maxMillis + "]";
        try {
            long value = Long.parseLong(raw.get());
            if (value < minMillis || value > maxMillis) {
                throw ConfigException.invalid(key, raw.get(), accepted);
            }
            return Duration.ofMillis(value);
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(key, raw.get(), accepted);
        }
    }
}
