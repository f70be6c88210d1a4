package io.storagehub.bench.env;

import java.util.HashMap;
import java.util.Map;

/** The environment of the indexer and query API processes: where Kafka and Postgres are, and which schema. */
public record Services(String kafkaBootstrap, String topic, PgCluster pg, String schema) {

    public String dlqTopic() {
        return topic + ".dlq";
    }

    public Map<String, String> indexerEnv(String group) {
        Map<String, String> env = new HashMap<>();
        env.put("STORAGEHUB_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("STORAGEHUB_TOPIC", topic);
        env.put("STORAGEHUB_INDEXER_GROUP", group);
        env.put("STORAGEHUB_DB_URL", pg.jdbcUrl());
        env.put("STORAGEHUB_DB_USER", PgCluster.USER);
        env.put("STORAGEHUB_DB_PASSWORD", "");
        env.put("STORAGEHUB_DB_SCHEMA", schema);
        env.put("STORAGEHUB_INDEXER_HTTP_HOST", "127.0.0.1");
        env.put("STORAGEHUB_INDEXER_HTTP_PORT", "0");
        return env;
    }
}
