package io.storagehub.api.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Reads the keys from the environment and a properties file, parsing numbers with messages naming the key. */
final class ConfigLoader {
    private final Map<String, String> env;
    private final Properties file;
    private final List<String> errors = new ArrayList<>();

    private ConfigLoader(Map<String, String> env, Properties file) {
        this.env = env;
        this.file = file;
    }

    static ApiConfig load(Map<String, String> env, Optional<Path> propertiesFile) {
        ConfigLoader in = new ConfigLoader(env, read(propertiesFile));
        String host = in.text(ConfigKey.HOST);
        int port = in.integer(ConfigKey.PORT);
        int maxThreads = in.integer(ConfigKey.MAX_THREADS);
        String url = in.required(ConfigKey.DB_URL);
        String user = in.required(ConfigKey.DB_USER);
        String password = in.text(ConfigKey.DB_PASSWORD);
        String schema = in.text(ConfigKey.DB_SCHEMA);
        int poolSize = in.integer(ConfigKey.DB_POOL_SIZE);
        Duration statementTimeout = in.millis(ConfigKey.STATEMENT_TIMEOUT_MS);
        Duration connectTimeout = in.millis(ConfigKey.DB_CONNECT_TIMEOUT_MS);
        String secret = in.required(ConfigKey.CURSOR_SECRET);
        Duration maxWait = in.millis(ConfigKey.MAX_WAIT_MS);
        Duration waitPoll = in.millis(ConfigKey.WAIT_POLL_MS);
        Duration indexedMaxAge = in.millis(ConfigKey.INDEXED_MAX_AGE_MS);
        boolean allowWriteRole = in.bool(ConfigKey.ALLOW_WRITE_ROLE);
        if (!in.errors.isEmpty()) {
            throw new InvalidConfigException("invalid configuration: " + String.join("; ", in.errors));
        }
        return new ApiConfig(host, port, maxThreads, url, user, password, schema, poolSize, statementTimeout,
                connectTimeout, secret, maxWait, waitPoll, indexedMaxAge, allowWriteRole);
    }

    private static Properties read(Optional<Path> path) {
        Properties properties = new Properties();
        if (path.isPresent()) {
            try (Reader reader = Files.newBufferedReader(path.get(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new InvalidConfigException("cannot read the configuration file " + path.get() + ": " + e);
            }
        }
        return properties;
    }

    private Optional<String> raw(ConfigKey key) {
        String value = env.get(key.env());
        if (value == null) {
            value = file.getProperty(key.env());
        }
        return Optional.ofNullable(value).map(String::trim);
    }

    private String text(ConfigKey key) {
        return raw(key).orElse(key.defaultValue());
    }

    private String required(ConfigKey key) {
        Optional<String> value = raw(key).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            errors.add(key.env() + " is required (" + key.description() + ")");
            return null;
        }
        return value.get();
    }

    private int integer(ConfigKey key) {
        String value = text(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            errors.add(key.env() + " must be an integer, got '" + value + "'");
            return 0;
        }
    }

    private boolean bool(ConfigKey key) {
        String value = text(key);
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(key.env() + " must be true or false, got '" + value + "'");
        }
        return value.equals("true");
    }

    private Duration millis(ConfigKey key) {
        return Duration.ofMillis(integer(key));
    }
}
