package io.storagehub.api.config;

import io.storagehub.config.Key;
import java.util.Arrays;
import java.util.List;

/** Every configuration key of the query API: environment variable (or properties file key), default, meaning. */
public enum ConfigKey {
    HOST("STORAGEHUB_API_HOST", "127.0.0.1", "interface to bind the HTTP server to (0.0.0.0 for all)"),
    PORT("STORAGEHUB_API_PORT", "8080", "HTTP port, 0..65535 (0 picks a free port)"),
    MAX_THREADS("STORAGEHUB_API_MAX_THREADS", "pool size + 6",
            "HTTP worker threads, 8..1000; by default as many as the request pool serves at once, and 6 for the "
                    + "connections' I/O and the routes that need no database: threads beyond those only wait their "
                    + "turn at the pool, which costs CPU"),
    DB_URL("STORAGEHUB_DB_URL", null, "JDBC URL of the read model, jdbc:postgresql://host:port/db (required)"),
    DB_USER("STORAGEHUB_DB_USER", null, "database role; in production a read-only role (required)"),
    DB_PASSWORD("STORAGEHUB_DB_PASSWORD", "", "database password"),
    DB_SCHEMA("STORAGEHUB_DB_SCHEMA", "storagehub", "schema holding the read model"),
    DB_POOL_SIZE("STORAGEHUB_API_DB_POOL_SIZE", "10", "connections in the request pool, 1..100"),
    STATEMENT_TIMEOUT_MS("STORAGEHUB_API_STATEMENT_TIMEOUT_MS", "5000",
            "statement_timeout of every query in ms, 100..60000"),
    DB_CONNECT_TIMEOUT_MS("STORAGEHUB_API_DB_CONNECT_TIMEOUT_MS", "2000",
            "how long a request waits for a server thread and a pooled connection before a 503, in ms, 250..30000"),
    CURSOR_SECRET("STORAGEHUB_API_CURSOR_SECRET", null,
            "secret that signs page cursors, at least 32 characters; the same on every replica (required)"),
    MAX_WAIT_MS("STORAGEHUB_API_MAX_WAIT_MS", "10000", "largest accepted waitMs, 0..10000"),
    WAIT_POLL_MS("STORAGEHUB_API_WAIT_POLL_MS", "500",
            "fallback re-check interval while requests wait for a block, in ms, 50..10000"),
    INDEXED_MAX_AGE_MS("STORAGEHUB_API_INDEXED_MAX_AGE_MS", "1000",
            "longest time a chain's cached indexed block is used without re-reading it, in ms, 0..60000"),
    STREAM_MAX_SUBSCRIBERS("STORAGEHUB_API_STREAM_MAX_SUBSCRIBERS", "1000",
            "event-stream subscribers of GET /changes one instance serves at once (more are answered 503), 1..100000"),
    STREAM_MAX_QUEUED("STORAGEHUB_API_STREAM_MAX_QUEUED", "1000",
            "changes that may wait for an event-stream client that takes nothing for a second (four times as many "
                    + "in any case) before it is disconnected, 1..100000"),
    STREAM_KEEPALIVE_MS("STORAGEHUB_API_STREAM_KEEPALIVE_MS", "15000",
            "longest silence on an event stream before a keep-alive comment, in ms, 100..15000"),
    ALLOW_WRITE_ROLE("STORAGEHUB_API_ALLOW_WRITE_ROLE", "false",
            "true lets the API run on a database role that can write the read model (refused otherwise)");

    private final String env;
    private final String defaultValue;
    private final String description;

    ConfigKey(String env, String defaultValue, String description) {
        this.env = env;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String env() {
        return env;
    }

    /** The default, or null when the key is required. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** This key as an entry of the catalogue {@code --help} prints. */
    public Key key() {
        return new Key(env, defaultValue, description);
    }

    /** The whole catalogue, in declaration order. */
    public static List<Key> catalogue() {
        return Arrays.stream(values()).map(ConfigKey::key).toList();
    }
}
