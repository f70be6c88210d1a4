package io.storagehub.infra.devstack;

import io.storagehub.api.config.ConfigKey;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.HttpConfig;
import io.storagehub.indexer.config.IndexerConfig;
import java.util.Map;
import java.util.TreeMap;

/**
 * The STORAGEHUB_* settings the dev stack gives the indexer and the query API: the same keys, read by the same
 * config classes, as in the deployment files. The API logs in as its own read-only role ({@link ApiRole}).
 */
final class ServiceSettings {
    static final String GROUP = "storagehub-devstack";
    /** Signs page cursors; a dev stack needs no secrecy, only the same secret across restarts. */
    static final String CURSOR_SECRET = "storagehub-devstack-cursor-secret-not-for-production";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String KAFKA_PREFIX = "STORAGEHUB_KAFKA_";

    private ServiceSettings() {
    }

    static Map<String, String> of(DevStackConfig config, Servers servers) {
        return of(config, servers, System.getenv());
    }

    /**
     * As {@link #of(DevStackConfig, Servers)}; an external Kafka also gets the Kafka client keys of
     * {@code environment} (TLS, SASL, the client properties file), as the indexer would read them.
     */
    static Map<String, String> of(DevStackConfig config, Servers servers, Map<String, String> environment) {
        Map<String, String> s = new TreeMap<>();
        if (!servers.embeddedKafka()) {
            environment.forEach((key, value) -> {
                if (key.startsWith(KAFKA_PREFIX)) {
                    s.put(key, value);
                }
            });
        }
        s.put(IndexerConfig.BOOTSTRAP, servers.kafkaBootstrap());
        s.put(IndexerConfig.TOPIC, config.topic());
        s.put(IndexerConfig.DLQ_TOPIC, config.deadLetterTopic());
        s.put(IndexerConfig.GROUP, GROUP);
        s.put(DbConfig.URL, servers.jdbcUrl());
        s.put(DbConfig.USER, servers.dbUser());
        s.put(DbConfig.PASSWORD, servers.dbPassword());
        s.put(DbConfig.SCHEMA, config.schema());
        s.put(HttpConfig.HOST, LOOPBACK);
        s.put(HttpConfig.PORT, Integer.toString(config.indexerPort()));
        s.put(ConfigKey.HOST.env(), LOOPBACK);
        s.put(ConfigKey.PORT.env(), Integer.toString(config.apiPort()));
        s.put(ConfigKey.CURSOR_SECRET.env(), CURSOR_SECRET);
        return s;
    }

    /** The query API's settings: those of {@link #of}, with the API's read-only role as the database user. */
    static Map<String, String> api(DevStackConfig config, Servers servers, ApiRole role) {
        Map<String, String> s = of(config, servers);
        s.put(ConfigKey.DB_USER.env(), role.name());
        s.put(ConfigKey.DB_PASSWORD.env(), role.password());
        return s;
    }
}
