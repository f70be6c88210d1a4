package io.storagehub.reliability.child;

import java.util.HashMap;
import java.util.Map;

/**
 * What a child indexer connects to, as the environment variables {@code indexer run} reads. Retries and
 * back-off are short so recoveries show within a test's time.
 */
public record ChildConfig(String bootstrap, String topic, String group, String dbUrl, String dbUser,
                          String dbPassword, String schema, int maxBatch) {

    public ChildConfig withGroup(String newGroup) {
        return new ChildConfig(bootstrap, topic, newGroup, dbUrl, dbUser, dbPassword, schema, maxBatch);
    }

    /** The environment of an indexer command (run, rebuild, status) with this configuration. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("STORAGEHUB_KAFKA_BOOTSTRAP", bootstrap);
        env.put("STORAGEHUB_TOPIC", topic);
        env.put("STORAGEHUB_INDEXER_GROUP", group);
        env.put("STORAGEHUB_DB_URL", dbUrl);
        env.put("STORAGEHUB_DB_USER", dbUser);
        env.put("STORAGEHUB_DB_PASSWORD", dbPassword);
        env.put("STORAGEHUB_DB_SCHEMA", schema);
        env.put("STORAGEHUB_INDEXER_HTTP_HOST", "127.0.0.1");
        env.put("STORAGEHUB_INDEXER_MAX_BATCH", Integer.toString(maxBatch));
        env.put("STORAGEHUB_INDEXER_POLL_TIMEOUT_MS", "100");
        env.put("STORAGEHUB_DB_STATEMENT_TIMEOUT_MS", "10000");
        env.put("STORAGEHUB_INDEXER_BACKOFF_INITIAL_MS", "50");
        env.put("STORAGEHUB_INDEXER_BACKOFF_MAX_MS", "1000");
        env.put("STORAGEHUB_INDEXER_CIRCUIT_OPEN_MS", "500");
        return env;
    }
}
