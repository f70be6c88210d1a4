package io.storagehub.api.config;

import io.storagehub.api.changes.StreamSettings;
import io.storagehub.config.Check;
import io.storagehub.config.ConfigErrors;
import io.storagehub.config.ConfigException;
import io.storagehub.config.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The query API's configuration, validated on construction: a bad value fails start-up with a
 * {@link ConfigException} naming every bad key and its accepted range. Built from environment variables and an
 * optional properties file by {@link #load}; {@link #toString()} hides the password and the cursor secret.
 */
public record ApiConfig(String httpHost, int httpPort, int httpMaxThreads, String dbUrl, String dbUser,
                        String dbPassword, String dbSchema, int dbPoolSize, Duration statementTimeout,
                        Duration dbConnectTimeout, String cursorSecret, Duration maxWait, Duration waitPoll,
                        Duration indexedMaxAge, boolean allowWriteRole, StreamSettings streams) {
    public static final int MIN_SECRET_CHARS = 32;
    private static final int MAX_SCHEMA_CHARS = 63;

    public ApiConfig {
        ConfigErrors errors = new ConfigErrors();
        errors.check(() -> Check.notBlank(ConfigKey.HOST.env(), httpHost));
        errors.check(() -> Check.range(ConfigKey.PORT.env(), httpPort, 0, 65_535));
        errors.check(() -> Check.range(ConfigKey.MAX_THREADS.env(), httpMaxThreads, 8, 1000));
        errors.check(() -> Check.postgresUrl(ConfigKey.DB_URL.env(), dbUrl));
        errors.check(() -> Check.notBlank(ConfigKey.DB_USER.env(), dbUser));
        errors.check(() -> Check.present(ConfigKey.DB_PASSWORD.env(), dbPassword, "a password (empty for none)"));
        errors.check(() -> Check.identifier(ConfigKey.DB_SCHEMA.env(), dbSchema, MAX_SCHEMA_CHARS));
        errors.check(() -> Check.range(ConfigKey.DB_POOL_SIZE.env(), dbPoolSize, 1, 100));
        errors.check(() -> Check.range(ConfigKey.STATEMENT_TIMEOUT_MS.env(), statementTimeout, 100, 60_000));
        errors.check(() -> Check.range(ConfigKey.DB_CONNECT_TIMEOUT_MS.env(), dbConnectTimeout, 250, 30_000));
        errors.check(() -> Check.minLength(ConfigKey.CURSOR_SECRET.env(), cursorSecret, MIN_SECRET_CHARS));
        errors.check(() -> Check.range(ConfigKey.MAX_WAIT_MS.env(), maxWait, 0, 10_000));
        errors.check(() -> Check.range(ConfigKey.WAIT_POLL_MS.env(), waitPoll, 50, 10_000));
        errors.check(() -> Check.range(ConfigKey.INDEXED_MAX_AGE_MS.env(), indexedMaxAge, 0, 60_000));
        Objects.requireNonNull(streams, "streams");
        errors.check(() -> Check.range(ConfigKey.STREAM_MAX_SUBSCRIBERS.env(), streams.maxSubscribers(), 1, 100_000));
        errors.check(() -> Check.range(ConfigKey.STREAM_MAX_QUEUED.env(), streams.maxQueued(), 1, 100_000));
        errors.check(() -> Check.range(ConfigKey.STREAM_KEEPALIVE_MS.env(), streams.keepAlive(), 100, 15_000));
        errors.throwIfAny();
    }

    /**
     * The HTTP worker threads when none are configured: one per connection of the request pool, which is as many
     * requests as can run their statements at once, and 6 more for the connections' I/O (Jetty's acceptor and
     * selector) and for the routes that need no database. Long-polls and event streams hold no thread while they
     * wait. More threads than that only park at the pool's turns, and their hand-offs cost CPU: with 200 threads
     * and 64 clients a lookup cost the API 15 % to 25 % more CPU than with 16.
     */
    public static int defaultMaxThreads(int dbPoolSize) {
        return Math.max(8, Math.min(1000, dbPoolSize + 6));
    }

    /** A configuration with the default event-stream limits. */
    public ApiConfig(String httpHost, int httpPort, int httpMaxThreads, String dbUrl, String dbUser,
                     String dbPassword, String dbSchema, int dbPoolSize, Duration statementTimeout,
                     Duration dbConnectTimeout, String cursorSecret, Duration maxWait, Duration waitPoll,
                     Duration indexedMaxAge, boolean allowWriteRole) {
        this(httpHost, httpPort, httpMaxThreads, dbUrl, dbUser, dbPassword, dbSchema, dbPoolSize, statementTimeout,
                dbConnectTimeout, cursorSecret, maxWait, waitPoll, indexedMaxAge, allowWriteRole,
                StreamSettings.DEFAULT);
    }

    /** A configuration that refuses a database role with write access (the production default). */
    public ApiConfig(String httpHost, int httpPort, int httpMaxThreads, String dbUrl, String dbUser,
                     String dbPassword, String dbSchema, int dbPoolSize, Duration statementTimeout,
                     Duration dbConnectTimeout, String cursorSecret, Duration maxWait, Duration waitPoll,
                     Duration indexedMaxAge) {
        this(httpHost, httpPort, httpMaxThreads, dbUrl, dbUser, dbPassword, dbSchema, dbPoolSize, statementTimeout,
                dbConnectTimeout, cursorSecret, maxWait, waitPoll, indexedMaxAge, false);
    }

    /** This configuration with other event-stream limits. */
    public ApiConfig withStreams(StreamSettings other) {
        return new ApiConfig(httpHost, httpPort, httpMaxThreads, dbUrl, dbUser, dbPassword, dbSchema, dbPoolSize,
                statementTimeout, dbConnectTimeout, cursorSecret, maxWait, waitPoll, indexedMaxAge, allowWriteRole,
                other);
    }

    /**
     * Reads every {@link ConfigKey} from {@code env}, falling back to the properties file and then to the key's
     * default; secrets may be given as {@code <KEY>_FILE} (see the {@code config} module).
     */
    public static ApiConfig load(Map<String, String> env, Optional<Path> propertiesFile) {
        return ConfigLoader.load(env, propertiesFile);
    }

    @Override
    public String toString() {
        return "ApiConfig[http=" + httpHost + ":" + httpPort + ", maxThreads=" + httpMaxThreads + ", db="
                + Redaction.url(dbUrl) + ", user=" + dbUser + ", schema=" + dbSchema + ", poolSize=" + dbPoolSize
                + ", statementTimeout=" + statementTimeout + ", connectTimeout=" + dbConnectTimeout + ", maxWait=" + maxWait
                + ", waitPoll=" + waitPoll + ", indexedMaxAge=" + indexedMaxAge + ", allowWriteRole=" + allowWriteRole
                + ", streams=" + streams + "]";
    }
}
