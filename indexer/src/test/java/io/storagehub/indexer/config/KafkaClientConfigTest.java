package io.storagehub.indexer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.config.ConfigException;
import io.storagehub.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {
    private static final String SECRET = "pa\"ss\\word";

    @TempDir
    Path dir;

    private static KafkaClientConfig from(Map<String, String> values) {
        return KafkaClientConfig.from(Settings.of(values));
    }

    private static Map<String, String> sasl() {
        Map<String, String> values = new HashMap<>();
        values.put(KafkaClientConfig.SECURITY_PROTOCOL, "SASL_PLAINTEXT");
        values.put(KafkaClientConfig.SASL_MECHANISM, "SCRAM-SHA-512");
        values.put(KafkaClientConfig.SASL_USERNAME, "indexer");
        values.put(KafkaClientConfig.SASL_PASSWORD, SECRET);
        return values;
    }

    @Test
    void properties_arePlaintextToTheBootstrapServers_byDefault() {
        // when
        Map<String, Object> props = from(Map.of(KafkaClientConfig.BOOTSTRAP, "k1:9092,k2:9092")).properties();
        // then
        assertThat(props).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "k1:9092,k2:9092", "security.protocol", "PLAINTEXT"));
    }

    @Test
    void saslJaasConfig_quotesTheCredentials_soKafkaReadsThemBackExactly() {
        // when
        Map<String, Object> props = from(sasl()).properties();
        // then
        assertThat(props).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        AppConfigurationEntry entry = JaasContext.loadClientContext(props).configurationEntries().get(0);
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(entry.getOptions().get("username")).isEqualTo("indexer");
        assertThat(entry.getOptions().get("password")).isEqualTo(SECRET);
    }

    @Test
    void passwords_neverAppearInToStringOrInThePrintedProperties() {
        // given
        Map<String, String> values = sasl();
        values.put(KafkaClientConfig.SECURITY_PROTOCOL, "SASL_SSL");
        values.put(KafkaClientConfig.TRUSTSTORE_LOCATION, file("truststore.p12").toString());
        values.put(KafkaClientConfig.TRUSTSTORE_PASSWORD, SECRET);
        // when
        KafkaClientConfig config = from(values);
        // then
        assertThat(config.toString()).contains("SASL_SSL", "indexer").doesNotContain(SECRET);
        assertThat(config.properties().toString()).doesNotContain(SECRET);
        assertThat(config.properties().get("ssl.truststore.password")).isEqualTo(new Password(SECRET));
    }

    @Test
    void saslProtocol_needsMechanismUserAndPassword_namingTheMissingKey() {
        for (String key : new String[] {KafkaClientConfig.SASL_MECHANISM, KafkaClientConfig.SASL_USERNAME,
                KafkaClientConfig.SASL_PASSWORD}) {
            // given
            Map<String, String> values = sasl();
            values.remove(key);
            // when / then
            assertThatThrownBy(() -> from(values)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(key + " is required when STORAGEHUB_KAFKA_SECURITY_PROTOCOL is "
                            + "SASL_PLAINTEXT").hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void badValues_failNamingTheirKey() {
        assertThatThrownBy(() -> from(Map.of(KafkaClientConfig.SECURITY_PROTOCOL, "TLS")))
                .hasMessageContaining(KafkaClientConfig.SECURITY_PROTOCOL).hasMessageContaining("SASL_SSL");
        Map<String, String> mechanism = sasl();
        mechanism.put(KafkaClientConfig.SASL_MECHANISM, "GSSAPI");
        assertThatThrownBy(() -> from(mechanism)).hasMessageContaining(KafkaClientConfig.SASL_MECHANISM);
        assertThatThrownBy(() -> from(Map.of(KafkaClientConfig.SASL_USERNAME, "indexer")))
                .hasMessage(KafkaClientConfig.SASL_USERNAME + " is set but STORAGEHUB_KAFKA_SECURITY_PROTOCOL is "
                        + "PLAINTEXT: it applies only to SASL_PLAINTEXT or SASL_SSL");
        assertThatThrownBy(() -> from(Map.of(KafkaClientConfig.SECURITY_PROTOCOL, "SSL",
                KafkaClientConfig.TRUSTSTORE_LOCATION, dir.resolve("missing.p12").toString())))
                .hasMessageContaining(KafkaClientConfig.TRUSTSTORE_LOCATION).hasMessageContaining("a readable file");
        assertThatThrownBy(() -> from(Map.of(KafkaClientConfig.SECURITY_PROTOCOL, "SSL",
                KafkaClientConfig.KEYSTORE_LOCATION, file("keystore.p12").toString())))
                .hasMessageStartingWith(KafkaClientConfig.KEYSTORE_PASSWORD + " is required");
        assertThatThrownBy(() -> from(Map.of(KafkaClientConfig.TRUSTSTORE_LOCATION, file("t.p12").toString())))
                .hasMessageStartingWith(KafkaClientConfig.TRUSTSTORE_LOCATION + " is set but");
    }

    @Test
    void propertiesFile_appliesToEveryClient_andTheKeysWinOverIt() throws IOException {
        // given
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "client.dns.lookup=use_all_dns_ips\nsecurity.protocol=SSL\n"
                + "ssl.endpoint.identification.algorithm=\n");
        // when
        KafkaClientConfig fromFile = from(Map.of(KafkaClientConfig.PROPERTIES_FILE, file.toString()));
        KafkaClientConfig overridden = from(Map.of(KafkaClientConfig.PROPERTIES_FILE, file.toString(),
                KafkaClientConfig.SECURITY_PROTOCOL, "PLAINTEXT"));
        // then
        assertThat(fromFile.securityProtocol()).isEqualTo("SSL");
        assertThat(fromFile.properties()).containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("ssl.endpoint.identification.algorithm", "").containsEntry("security.protocol", "SSL");
        assertThat(overridden.properties()).containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void propertiesFile_failsNamingItsKey_whenUnreadableOrSettingTheBootstrapServers() throws IOException {
        assertThatThrownBy(() -> from(Map.of(KafkaClientConfig.PROPERTIES_FILE, dir.resolve("none").toString())))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(KafkaClientConfig.PROPERTIES_FILE);
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=elsewhere:9092\n");
        assertThatThrownBy(() -> from(Map.of(KafkaClientConfig.PROPERTIES_FILE, file.toString())))
                .hasMessageContaining(KafkaClientConfig.PROPERTIES_FILE)
                .hasMessageContaining("set " + KafkaClientConfig.BOOTSTRAP + " instead");
    }

    @Test
    void jaasConfigInTheFile_replacesUserAndPassword_butNotBoth() throws IOException {
        // given
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "sasl.mechanism=OAUTHBEARER\nsasl.jaas.config=org.apache.kafka.common.security."
                + "oauthbearer.OAuthBearerLoginModule required;\n");
        Map<String, String> values = new HashMap<>(Map.of(KafkaClientConfig.PROPERTIES_FILE, file.toString(),
                KafkaClientConfig.SECURITY_PROTOCOL, "SASL_SSL"));
        // when / then
        assertThat(from(values).properties()).containsEntry("sasl.mechanism", "OAUTHBEARER");
        values.put(KafkaClientConfig.SASL_USERNAME, "indexer");
        assertThatThrownBy(() -> from(values)).hasMessageContaining("use one of them");
    }

    private Path file(String name) {
        try {
            return Files.writeString(dir.resolve(name), "not a real store");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void indexerConfig_takesTheInstanceIdAndSessionTimeout_andValidatesThem() {
        IndexerConfig config = IndexerConfig.from(Settings.of(Map.of(IndexerConfig.INSTANCE_ID, "indexer-0")));
        assertThat(config.instanceId()).isEqualTo(Optional.of("indexer-0"));
        assertThat(config.sessionTimeout()).isEqualTo(IndexerConfig.DEFAULT_SESSION_TIMEOUT);
        assertThat(IndexerConfig.from(Settings.of(Map.of())).instanceId()).isEmpty();
        assertThatThrownBy(() -> IndexerConfig.from(Settings.of(Map.of(IndexerConfig.INSTANCE_ID, "pod/0"))))
                .hasMessageStartingWith(IndexerConfig.INSTANCE_ID);
        assertThatThrownBy(() -> IndexerConfig.from(Settings.of(Map.of(IndexerConfig.SESSION_TIMEOUT, "1000"))))
                .hasMessageStartingWith(IndexerConfig.SESSION_TIMEOUT);
    }
}
