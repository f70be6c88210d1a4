package io.storagehub.api.config;

import io.storagehub.api.changes.StreamSettings;
import io.storagehub.config.ConfigErrors;
import io.storagehub.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@link ConfigKey}s through the shared {@link Settings} (properties file, then environment; secrets
 * also as {@code <KEY>_FILE}) and reports every unparsable or missing key at once.
 */
final class ConfigLoader {
    private final Settings in;
    private final ConfigErrors errors = new ConfigErrors();

    private ConfigLoader(Settings in) {
        this.in = in;
    }

    static ApiConfig load(Map<String, String> env, Optional<Path> propertiesFile) {
        ConfigLoader in = new ConfigLoader(Settings.load(propertiesFile, env, Map.of()));
        String host = in.text(ConfigKey.HOST);
        int port = in.integer(ConfigKey.PORT);
        String url = in.required(ConfigKey.DB_URL);
        String user = in.required(ConfigKey.DB_USER);
        String password = in.text(ConfigKey.DB_PASSWORD);
        String schema = in.text(ConfigKey.DB_SCHEMA);
        int poolSize = in.integer(ConfigKey.DB_POOL_SIZE);
        int maxThreads = in.integer(ConfigKey.MAX_THREADS, ApiConfig.defaultMaxThreads(poolSize));
        Duration statementTimeout = in.millis(ConfigKey.STATEMENT_TIMEOUT_MS);
        Duration connectTimeout = in.millis(ConfigKey.DB_CONNECT_TIMEOUT_MS);
        String secret = in.required(ConfigKey.CURSOR_SECRET);
        Duration maxWait = in.millis(ConfigKey.MAX_WAIT_MS);
        Duration waitPoll = in.millis(ConfigKey.WAIT_POLL_MS);
        Duration indexedMaxAge = in.millis(ConfigKey.INDEXED_MAX_AGE_MS);
        boolean allowWriteRole = in.bool(ConfigKey.ALLOW_WRITE_ROLE);
        StreamSettings streams = new StreamSettings(in.integer(ConfigKey.STREAM_MAX_SUBSCRIBERS),
                in.integer(ConfigKey.STREAM_MAX_QUEUED), in.millis(ConfigKey.STREAM_KEEPALIVE_MS));
        in.errors.throwIfAny();
        return new ApiConfig(host, port, maxThreads, url, user, password, schema, poolSize, statementTimeout,
                connectTimeout, secret, maxWait, waitPoll, indexedMaxAge, allowWriteRole, streams);
    }

    private String text(ConfigKey key) {
        return in.string(key.env(), key.defaultValue());
    }

    private String required(ConfigKey key) {
        return errors.read(() -> in.required(key.env(), key.description()), null);
    }

    private int integer(ConfigKey key) {
        return integer(key, Integer.parseInt(key.defaultValue()));
    }

    /** A key whose default follows from other keys ({@code defaultValue} shows how). */
    private int integer(ConfigKey key, int defaultValue) {
        return errors.read(() -> in.integer(key.env(), defaultValue), 0);
    }

    private boolean bool(ConfigKey key) {
        return errors.read(() -> in.bool(key.env(), Boolean.parseBoolean(key.defaultValue())), false);
    }

    private Duration millis(ConfigKey key) {
        return errors.read(() -> in.millis(key.env(), Duration.ofMillis(Long.parseLong(key.defaultValue()))),
                Duration.ZERO);
    }
}
