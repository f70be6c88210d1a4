package io.storagehub.indexer.consumer;

import io.storagehub.indexer.config.IndexerConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Kafka client properties of the indexer's consumers. */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    /** A group member: offsets are managed by the indexer (stored in Postgres), never auto-committed. */
    public static Map<String, Object> groupConsumer(IndexerConfig config, String clientId) {
        Map<String, Object> props = standalone(config, clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatchSize());
        return props;
    }

    /** A consumer without group (assign + seek), e.g. for a rebuild or reading the dead-letter topic's tail. */
    public static Map<String, Object> standalone(IndexerConfig config, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }
}
