package io.storagehub.indexer.config;

import java.time.Duration;
import java.util.regex.Pattern;

/** Validation helpers for the configuration records' compact constructors. */
final class Check {
    /** A lowercase Postgres identifier short enough to take the rebuild suffix ({@code _rebuild_yyyyMMddHHmmss}). */
    static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,39}");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

    private Check() {
    }

    static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw ConfigException.invalid(key, value, "a non-empty value");
        }
        return value.trim();
    }

    static String topic(String key, String value) {
        if (value == null || !TOPIC.matcher(value).matches()) {
            throw ConfigException.invalid(key, value, "a Kafka topic name: 1..200 chars of [a-zA-Z0-9._-]");
        }
        return value;
    }

    static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw ConfigException.invalid(key, value, "an integer in [" + min + ", " + max + "]");
        }
        return value;
    }

    static Duration range(String key, Duration value, long minMillis, long maxMillis) {
        if (value == null || value.toMillis() < minMillis || value.toMillis() > maxMillis) {
            throw ConfigException.invalid(key, value == null ? null : value.toMillis(),
                    "milliseconds in [" + minMillis + ", " + maxMillis + "]");
        }
        return value;
    }
}
