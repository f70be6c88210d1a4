package io.storagehub.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Bursts into topics created a moment before: every record is acknowledged, once, in order. The idempotent
 * producer of kafka-clients can lose the first request of a fresh partition when a later request to it lands
 * first (the broker then answers the retried first one with OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery
 * timeout); the feed sends a partition's first record alone, so no request can overtake it. The first burst of a
 * process rarely shows the fault, so each test makes many, with a delivery timeout short enough to fail fast.
 */
class EventFeedIT {
    private static final int ROUNDS = 12;
    private static final int RECORDS = 1_000;
    private static final byte[] VALUE = new byte[600];

    static {
        Arrays.fill(VALUE, (byte) 'x');
    }

    @Test
    void sendToOnePartition_ofFreshTopics_isAcknowledgedInOrder() {
        for (int round = 0; round < ROUNDS; round++) {
            String topic = TestKafka.uniqueTopic("burst");
            TestKafka.createTopic(topic, 2);
            try (EventFeed feed = feed(topic, EventFeed.Pace.LIVE)) {
                for (int partition = 0; partition < 2; partition++) {
                    List<Long> offsets = feed.sendRaw(partition, records("chain", RECORDS));

                    assertThat(offsets).as("round %d, partition %d", round, partition)
                            .containsExactlyElementsOf(LongStream.range(0, RECORDS).boxed().toList());
                }
            }
        }
    }

    @Test
    void publish_ofManyKeys_intoFreshTopics_landsEveryRecordOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String topic = TestKafka.uniqueTopic("burst");
            TestKafka.createTopic(topic, 3);
            List<EventFeed.Raw> records = new ArrayList<>();
            for (int chain = 0; chain < 8; chain++) {
                records.addAll(records("chain-" + chain, RECORDS / 4));
            }
            try (EventFeed feed = feed(topic, EventFeed.Pace.BULK)) {
                feed.publishRaw(records);
                feed.flush();
            }

            assertThat(endOffsets(topic, 3)).as("round %d", round).isEqualTo(records.size());
        }
    }

    private static EventFeed feed(String topic, EventFeed.Pace pace) {
        Map<String, Object> client = new HashMap<>();
        client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        // a lost request shows in seconds rather than the default two minutes
        client.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        client.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return new EventFeed(client, topic, "burst-" + topic, pace);
    }

    private static List<EventFeed.Raw> records(String key, int n) {
        List<EventFeed.Raw> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(new EventFeed.Raw(key.getBytes(StandardCharsets.UTF_8), VALUE));
        }
        return records;
    }

    private static long endOffsets(String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try (Admin admin = TestKafka.admin()) {
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        }
    }
}
