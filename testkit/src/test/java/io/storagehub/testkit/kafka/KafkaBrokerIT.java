package io.storagehub.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {
    private static final String TOPIC = "round-trip";

    @Test
    void producedRecords_areConsumed_andSurviveARestart(@TempDir Path logDir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(Optional.of(logDir), 0)) {
            // given
            String bootstrap = broker.bootstrapServers();
            createTopic(bootstrap);
            List<String> sent = List.of("a", "b", "c", "d", "e");
            produce(bootstrap, sent);

            // when
            List<String> beforeRestart = consumeAll(bootstrap, "group-1", sent.size());

            // then
            assertThat(beforeRestart).containsExactlyElementsOf(sent);

            // when
            broker.stop();
            broker.start();

            // then
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(consumeAll(bootstrap, "group-2", sent.size())).containsExactlyElementsOf(sent);
            produce(bootstrap, List.of("f"));
            assertThat(consumeAll(bootstrap, "group-3", sent.size() + 1)).endsWith("f");
        }
    }

    @Test
    void testKafka_createsUniqueTopicsWithPartitions() throws Exception {
        // given
        String topic = TestKafka.uniqueTopic("events");

        // when
        TestKafka.createTopic(topic, 3);

        // then
        try (Admin admin = TestKafka.admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            assertThat(partitions).isEqualTo(3);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
        }
        assertThat(topic).startsWith("events-").isNotEqualTo(TestKafka.uniqueTopic("events"));
    }

    @Test
    void saslListener_acceptsItsUsers_andRejectsWrongCredentials() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(Optional.empty(), 0, Map.of("alice", "pa\"ss"))) {
            // given
            String sasl = broker.saslBootstrapServers();
            // when / then: the configured user gets the cluster, a wrong password is refused
            try (Admin admin = Admin.create(sasl(sasl, "alice", "pa\\\"ss"))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
            try (Admin admin = Admin.create(sasl(sasl, "alice", "wrong"))) {
                assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
            assertThat(broker.bootstrapServers()).isNotEqualTo(sasl);
        }
        try (KafkaBroker plain = KafkaBroker.start(Optional.empty(), 0)) {
            assertThatThrownBy(plain::saslBootstrapServers).isInstanceOf(IllegalStateException.class);
        }
    }

    /** {@code escapedPassword}: as it stands between quotes in a JAAS line. */
    private static Map<String, Object> sasl(String bootstrap, String user, String escapedPassword) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"" + user + "\" password=\"" + escapedPassword + "\";");
    }

    private static void createTopic(String bootstrap) throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, List<String> values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, "chain", value)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> consumeAll(String bootstrap, String group, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
            }
        }
        return received;
    }
}
