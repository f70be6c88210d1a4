package io.storagehub.indexer.consumer;

import io.storagehub.indexer.config.IndexerConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Kafka client properties of the indexer's consumers. */
public final class KafkaSettings {
    /** Room per record when sizing fetches to a batch: chain events are well under 2 KiB as JSON. */
    static final int BYTES_PER_RECORD = 2 * 1024;
    private static final int MIN_FETCH_BYTES = 1024 * 1024;
    private static final int MAX_FETCH_BYTES = 64 * 1024 * 1024;
    private static final int DEFAULT_FETCH_MAX_BYTES = 50 * 1024 * 1024;
    /**
     * A member learns of a rebalance (a member left or joined) from its next heartbeat: 1 s instead of Kafka's 3 s
     * moves partitions sooner, and stays well below a third of the shortest session timeout accepted (6 s).
     */
    static final int HEARTBEAT_MS = 1_000;

    private KafkaSettings() {
    }

    /**
     * A group member: offsets are managed by the indexer (stored in Postgres), never auto-committed. With an
     * instance id it is a static member (KIP-345): restarted with the same id it gets its partitions back at once,
     * without waiting for the session timeout of its previous incarnation. The session timeout and heartbeat are
     * the classic protocol's; with {@code group.protocol=consumer} (from the properties file) the broker owns them.
     */
    public static Map<String, Object> groupConsumer(IndexerConfig config, String clientId) {
        Map<String, Object> props = standalone(config, clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        config.instanceId().ifPresent(id -> props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        if (!"consumer".equalsIgnoreCase(String.valueOf(props.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))) {
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis());
            props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_MS);
        }
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatchSize());
        props.putAll(fetchSizes(config.maxBatchSize()));
        return props;
    }

    /** A consumer without group (assign + seek), e.g. for a rebuild or reading the dead-letter topic's tail. */
    public static Map<String, Object> standalone(IndexerConfig config, String clientId) {
        Map<String, Object> props = new HashMap<>(config.client().properties());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /**
     * Fetch limits under which one poll can fill a batch of {@code records} records: by default a fetch stops at
     * 1 MiB per partition, about 800 chain events.
     */
    public static Map<String, Object> fetchSizes(int records) {
        int partitionBytes = fetchBytes(records);
        return Map.of(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, partitionBytes,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Math.max(partitionBytes, DEFAULT_FETCH_MAX_BYTES));
    }

    static int fetchBytes(int records) {
        long wanted = (long) records * BYTES_PER_RECORD;
        return (int) Math.min(MAX_FETCH_BYTES, Math.max(MIN_FETCH_BYTES, wanted));
    }
}
