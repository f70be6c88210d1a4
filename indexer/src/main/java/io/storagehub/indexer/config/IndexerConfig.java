package io.storagehub.indexer.config;

import io.storagehub.config.Check;
import io.storagehub.config.ConfigException;
import io.storagehub.config.Settings;
import java.time.Duration;

/** The Kafka side of the indexer: where to read, as which group, where dead letters go, and batch limits. */
public record IndexerConfig(String bootstrapServers, String topic, String groupId, String dlqTopic,
                            int maxBatchSize, Duration pollTimeout) {
    public static final String BOOTSTRAP = "STORAGEHUB_KAFKA_BOOTSTRAP";
    public static final String TOPIC = "STORAGEHUB_TOPIC";
    public static final String GROUP = "STORAGEHUB_INDEXER_GROUP";
    public static final String DLQ_TOPIC = "STORAGEHUB_DLQ_TOPIC";
    public static final String MAX_BATCH = "STORAGEHUB_INDEXER_MAX_BATCH";
    public static final String POLL_TIMEOUT = "STORAGEHUB_INDEXER_POLL_TIMEOUT_MS";

    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    public static final String DEFAULT_TOPIC = "storagehub.events";
    public static final String DEFAULT_GROUP = "storagehub-indexer";
    public static final int DEFAULT_MAX_BATCH = 5000;
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);

    public IndexerConfig {
        bootstrapServers = Check.notBlank(BOOTSTRAP, bootstrapServers);
        topic = Check.topic(TOPIC, topic);
        groupId = Check.notBlank(GROUP, groupId);
        dlqTopic = Check.topic(DLQ_TOPIC, dlqTopic);
        if (dlqTopic.equals(topic)) {
            throw ConfigException.invalid(DLQ_TOPIC, dlqTopic, "a topic other than " + TOPIC);
        }
        Check.range(MAX_BATCH, maxBatchSize, 1, 100_000);
        Check.range(POLL_TIMEOUT, pollTimeout, 10, 60_000);
    }

    public static IndexerConfig from(Settings s) {
        String topic = s.string(TOPIC, DEFAULT_TOPIC);
        return new IndexerConfig(
                s.string(BOOTSTRAP, DEFAULT_BOOTSTRAP),
                topic,
                s.string(GROUP, DEFAULT_GROUP),
                s.string(DLQ_TOPIC, topic + ".dlq"),
                s.integer(MAX_BATCH, DEFAULT_MAX_BATCH, 1, 100_000),
                s.millis(POLL_TIMEOUT, DEFAULT_POLL_TIMEOUT, 10, 60_000));
    }
}
