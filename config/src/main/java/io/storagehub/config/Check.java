package io.storagehub.config;

import java.time.Duration;
import java.util.regex.Pattern;

/** Validation helpers for configuration records' compact constructors; each error names the key. */
public final class Check {
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String POSTGRES_URL = "jdbc:postgresql:";

    private Check() {
    }

    /** {@code value}, which must be set (it may be empty). */
    public static <T> T present(String key, T value, String accepted) {
        if (value == null) {
            throw ConfigException.missing(key, accepted);
        }
        return value;
    }

    public static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw ConfigException.invalid(key, value, "a non-empty value");
        }
        return value.trim();
    }

    public static String topic(String key, String value) {
        if (value == null || !TOPIC.matcher(value).matches()) {
            throw ConfigException.invalid(key, value, "a Kafka topic name: 1..200 chars of [a-zA-Z0-9._-]");
        }
        return value;
    }

    /** A lowercase SQL identifier of at most {@code maxChars} characters (a schema name). */
    public static String identifier(String key, String value, int maxChars) {
        if (value == null || value.length() > maxChars || !IDENTIFIER.matcher(value).matches()) {
            throw ConfigException.invalid(key, value,
                    "a lowercase identifier of 1.." + maxChars + " chars: [a-z_] then [a-z0-9_]");
        }
        return value;
    }

    public static String postgresUrl(String key, String value) {
        String url = notBlank(key, value);
        if (!url.startsWith(POSTGRES_URL)) {
            throw ConfigException.invalid(key, url, "a Postgres JDBC URL starting with " + POSTGRES_URL);
        }
        return url;
    }

    public static String minLength(String key, String value, int minChars) {
        if (value == null || value.length() < minChars) {
            throw ConfigException.invalid(key, value, "at least " + minChars + " characters");
        }
        return value;
    }

    public static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw ConfigException.invalid(key, value, "an integer in [" + min + ", " + max + "]");
        }
        return value;
    }

    public static Duration range(String key, Duration value, long minMillis, long maxMillis) {
        if (value == null || value.toMillis() < minMillis || value.toMillis() > maxMillis) {
            throw ConfigException.invalid(key, value == null ? null : value.toMillis(),
                    "milliseconds in [" + minMillis + ", " + maxMillis + "]");
        }
        return value;
    }
}
