package io.storagehub.indexer.config;

import io.storagehub.config.Check;
import io.storagehub.config.ConfigException;
import io.storagehub.config.Settings;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kafka side of the indexer: how to connect, where to read, as which group member, where dead letters go,
 * and batch limits.
 */
public record IndexerConfig(KafkaClientConfig client, String topic, String groupId, String dlqTopic,
                            int maxBatchSize, Duration pollTimeout, Optional<String> instanceId,
                            Duration sessionTimeout) {
    public static final String BOOTSTRAP = KafkaClientConfig.BOOTSTRAP;
    public static final String TOPIC = "STORAGEHUB_TOPIC";
    public static final String GROUP = "STORAGEHUB_INDEXER_GROUP";
    public static final String DLQ_TOPIC = "STORAGEHUB_DLQ_TOPIC";
    public static final String MAX_BATCH = "STORAGEHUB_INDEXER_MAX_BATCH";
    public static final String POLL_TIMEOUT = "STORAGEHUB_INDEXER_POLL_TIMEOUT_MS";
    public static final String INSTANCE_ID = "STORAGEHUB_INDEXER_INSTANCE_ID";
    public static final String SESSION_TIMEOUT = "STORAGEHUB_INDEXER_SESSION_TIMEOUT_MS";

    public static final String DEFAULT_BOOTSTRAP = KafkaClientConfig.DEFAULT_BOOTSTRAP;
    public static final String DEFAULT_TOPIC = "storagehub.events";
    public static final String DEFAULT_GROUP = "storagehub-indexer";
    public static final int DEFAULT_MAX_BATCH = 5000;
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    /** Kafka's own default is 45 s; 10 s lets another member take a crashed one's partitions over sooner. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);
    /** The broker's default {@code group.min.session.timeout.ms} is 6 s. */
    static final long MIN_SESSION_TIMEOUT_MS = 6_000;
    static final long MAX_SESSION_TIMEOUT_MS = 300_000;
    /** Kafka's rule for {@code group.instance.id}. */
    private static final Pattern INSTANCE = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public IndexerConfig {
        topic = Check.topic(TOPIC, topic);
        groupId = Check.notBlank(GROUP, groupId);
        dlqTopic = Check.topic(DLQ_TOPIC, dlqTopic);
        if (dlqTopic.equals(topic)) {
            throw ConfigException.invalid(DLQ_TOPIC, dlqTopic, "a topic other than " + TOPIC);
        }
        Check.range(MAX_BATCH, maxBatchSize, 1, 100_000);
        Check.range(POLL_TIMEOUT, pollTimeout, 10, 60_000);
        instanceId.ifPresent(id -> {
            if (!INSTANCE.matcher(id).matches()) {
                throw ConfigException.invalid(INSTANCE_ID, id, "1..249 chars of [a-zA-Z0-9._-]");
            }
        });
        Check.range(SESSION_TIMEOUT, sessionTimeout, MIN_SESSION_TIMEOUT_MS, MAX_SESSION_TIMEOUT_MS);
    }

    /** A plaintext connection, a dynamic group member and the default session timeout. */
    public IndexerConfig(String bootstrapServers, String topic, String groupId, String dlqTopic, int maxBatchSize,
                         Duration pollTimeout) {
        this(KafkaClientConfig.plaintext(bootstrapServers), topic, groupId, dlqTopic, maxBatchSize, pollTimeout,
                Optional.empty(), DEFAULT_SESSION_TIMEOUT);
    }

    public static IndexerConfig from(Settings s) {
        String topic = s.string(TOPIC, DEFAULT_TOPIC);
        return new IndexerConfig(
                KafkaClientConfig.from(s),
                topic,
                s.string(GROUP, DEFAULT_GROUP),
                s.string(DLQ_TOPIC, topic + ".dlq"),
                s.integer(MAX_BATCH, DEFAULT_MAX_BATCH, 1, 100_000),
                s.millis(POLL_TIMEOUT, DEFAULT_POLL_TIMEOUT, 10, 60_000),
                s.find(INSTANCE_ID),
                s.millis(SESSION_TIMEOUT, DEFAULT_SESSION_TIMEOUT, MIN_SESSION_TIMEOUT_MS, MAX_SESSION_TIMEOUT_MS));
    }

    public String bootstrapServers() {
        return client.bootstrapServers();
    }

    /** This configuration as a static group member with {@code id} ({@code group.instance.id}). */
    public IndexerConfig withInstanceId(String id) {
        return new IndexerConfig(client, topic, groupId, dlqTopic, maxBatchSize, pollTimeout, Optional.of(id),
                sessionTimeout);
    }

    /** This configuration with other connection settings. */
    public IndexerConfig withClient(KafkaClientConfig newClient) {
        return new IndexerConfig(newClient, topic, groupId, dlqTopic, maxBatchSize, pollTimeout, instanceId,
                sessionTimeout);
    }
}
