package io.storagehub.infra.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.config.KafkaClientConfig;
import io.storagehub.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {
    private static final DevStackConfig CONFIG = new DevStackConfig(Path.of(".devstack"), Optional.empty(), 0,
            Optional.empty(), 0, "storagehub", "storagehub.events", "devnet", true, OptionalLong.empty(), 0, 20,
            8080, 8081, Duration.ofSeconds(5));
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "STORAGEHUB_KAFKA_BOOTSTRAP", "ignored:9092",
            "STORAGEHUB_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "STORAGEHUB_KAFKA_SASL_MECHANISM", "SCRAM-SHA-256",
            "STORAGEHUB_KAFKA_SASL_USERNAME", "devstack",
            "STORAGEHUB_KAFKA_SASL_PASSWORD", "secret",
            "PATH", "/bin");

    private static Servers servers(boolean embeddedKafka) {
        return new Servers("kafka:9093", embeddedKafka, "jdbc:postgresql://db/x", "u", "p", false);
    }

    @Test
    void externalKafka_getsTheKafkaClientKeysOfTheEnvironment_butTheStacksBootstrap() {
        // when
        KafkaClientConfig kafka = KafkaClientConfig.from(Settings.of(ServiceSettings.of(CONFIG, servers(false),
                ENVIRONMENT)));
        // then
        assertThat(kafka.bootstrapServers()).isEqualTo("kafka:9093");
        assertThat(kafka.securityProtocol()).isEqualTo("SASL_SSL");
        assertThat(kafka.saslUsername()).hasValue("devstack");
    }

    @Test
    void embeddedKafka_isPlaintext_whateverTheEnvironmentSays() {
        // when
        Map<String, String> settings = ServiceSettings.of(CONFIG, servers(true), ENVIRONMENT);
        // then
        assertThat(settings).doesNotContainKeys("STORAGEHUB_KAFKA_SECURITY_PROTOCOL", "PATH");
        assertThat(KafkaClientConfig.from(Settings.of(settings)).securityProtocol()).isEqualTo("PLAINTEXT");
    }
}
