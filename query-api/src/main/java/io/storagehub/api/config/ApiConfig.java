package io.storagehub.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query API's configuration, validated on construction: a bad value fails start-up with a message naming
 * the environment key and the accepted range. Built from environment variables and an optional properties file
 * by {@link #load}; {@link #toString()} hides the password and the cursor secret.
 */
public record ApiConfig(String httpHost, int httpPort, int httpMaxThreads, String dbUrl, String dbUser,
                        String dbPassword, String dbSchema, int dbPoolSize, Duration statementTimeout,
                        Duration dbConnectTimeout, String cursorSecret, Duration maxWait, Duration waitPoll,
                        Duration indexedMaxAge, boolean allowWriteRole) {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    public static final int MIN_SECRET_CHARS = 32;

    public ApiConfig {
        List<String> errors = new ArrayList<>();
        check(errors, httpHost != null && !httpHost.isBlank(), ConfigKey.HOST, "must not be empty");
        check(errors, httpPort >= 0 && httpPort <= 65535, ConfigKey.PORT, "must be in 0..65535");
        check(errors, httpMaxThreads >= 8 && httpMaxThreads <= 1000, ConfigKey.MAX_THREADS, "must be in 8..1000");
        check(errors, dbUrl != null && dbUrl.startsWith("jdbc:postgresql:"), ConfigKey.DB_URL,
                "must be a jdbc:postgresql: URL");
        check(errors, dbUser != null && !dbUser.isBlank(), ConfigKey.DB_USER, "must not be empty");
        check(errors, dbPassword != null, ConfigKey.DB_PASSWORD, "must not be null");
        check(errors, dbSchema != null && SCHEMA.matcher(dbSchema).matches(), ConfigKey.DB_SCHEMA,
                "must be a lowercase SQL identifier ([a-z_][a-z0-9_]{0,62})");
        check(errors, dbPoolSize >= 1 && dbPoolSize <= 100, ConfigKey.DB_POOL_SIZE, "must be in 1..100");
        checkMillis(errors, statementTimeout, ConfigKey.STATEMENT_TIMEOUT_MS, 100, 60_000);
        checkMillis(errors, dbConnectTimeout, ConfigKey.DB_CONNECT_TIMEOUT_MS, 250, 30_000);
        check(errors, cursorSecret != null && cursorSecret.length() >= MIN_SECRET_CHARS, ConfigKey.CURSOR_SECRET,
                "must have at least " + MIN_SECRET_CHARS + " characters");
        checkMillis(errors, maxWait, ConfigKey.MAX_WAIT_MS, 0, 10_000);
        checkMillis(errors, waitPoll, ConfigKey.WAIT_POLL_MS, 50, 10_000);
        checkMillis(errors, indexedMaxAge, ConfigKey.INDEXED_MAX_AGE_MS, 0, 60_000);
        if (!errors.isEmpty()) {
            throw new InvalidConfigException("invalid configuration: " + String.join("; ", errors));
        }
    }

    /** A configuration that refuses a database role with write access (the production default). */
    public ApiConfig(String httpHost, int httpPort, int httpMaxThreads, String dbUrl, String dbUser,
                     String dbPassword, String dbSchema, int dbPoolSize, Duration statementTimeout,
                     Duration dbConnectTimeout, String cursorSecret, Duration maxWait, Duration waitPoll,
                     Duration indexedMaxAge) {
        this(httpHost, httpPort, httpMaxThreads, dbUrl, dbUser, dbPassword, dbSchema, dbPoolSize, statementTimeout,
                dbConnectTimeout, cursorSecret, maxWait, waitPoll, indexedMaxAge, false);
    }

    /**
     * Reads every {@link ConfigKey} from {@code env}, falling back to the properties file (same key names) and
     * then to the key's default.
     */
    public static ApiConfig load(Map<String, String> env, Optional<Path> propertiesFile) {
        return ConfigLoader.load(env, propertiesFile);
    }

    @Override
    public String toString() {
        return "ApiConfig[http=" + httpHost + ":" + httpPort + ", maxThreads=" + httpMaxThreads + ", db=" + dbUrl
                + ", user=" + dbUser + ", schema=" + dbSchema + ", poolSize=" + dbPoolSize + ", statementTimeout="
                + statementTimeout + ", connectTimeout=" + dbConnectTimeout + ", maxWait=" + maxWait
                + ", waitPoll=" + waitPoll + ", indexedMaxAge=" + indexedMaxAge + ", allowWriteRole=" + allowWriteRole
                + "]";
    }

    private static void check(List<String> errors, boolean ok, ConfigKey key, String rule) {
        if (!ok) {
            errors.add(key.env() + " " + rule);
        }
    }

    private static void checkMillis(List<String> errors, Duration value, ConfigKey key, long min, long max) {
        check(errors, value != null && value.toMillis() >= min && value.toMillis() <= max, key,
                "must be in " + min + ".." + max + " ms");
    }
}
