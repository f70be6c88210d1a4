package io.storagehub.indexer.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {

    @Test
    void groupConsumer_isAStaticMember_withTheConfiguredInstanceId_andAShortSession() {
        // given
        IndexerConfig config = IndexerConfig.from(Settings.of(Map.of("STORAGEHUB_INDEXER_INSTANCE_ID", "indexer-1",
                "STORAGEHUB_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "STORAGEHUB_KAFKA_SASL_MECHANISM", "PLAIN",
                "STORAGEHUB_KAFKA_SASL_USERNAME", "u", "STORAGEHUB_KAFKA_SASL_PASSWORD", "p")));
        // when
        Map<String, Object> props = KafkaSettings.groupConsumer(config, "client");
        // then
        assertThat(props).containsEntry("group.instance.id", "indexer-1").containsEntry("session.timeout.ms", 10_000)
                .containsEntry("heartbeat.interval.ms", 1_000).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("enable.auto.commit", false).containsKey("sasl.jaas.config");
    }

    @Test
    void groupConsumer_isADynamicMember_withoutInstanceId_andLeavesTheSessionToTheBroker_withKip848(
            @TempDir Path dir) throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("client.properties"), "group.protocol=consumer\n");
        IndexerConfig config = IndexerConfig.from(Settings.of(Map.of("STORAGEHUB_KAFKA_PROPERTIES_FILE",
                file.toString())));
        // when
        Map<String, Object> props = KafkaSettings.groupConsumer(config, "client");
        // then
        assertThat(props).containsEntry("group.protocol", "consumer").doesNotContainKey("group.instance.id")
                .doesNotContainKey("session.timeout.ms").doesNotContainKey("heartbeat.interval.ms");
    }
}
