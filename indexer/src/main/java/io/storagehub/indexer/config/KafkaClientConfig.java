package io.storagehub.indexer.config;

import io.storagehub.config.Check;
import io.storagehub.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;

/**
 * How every Kafka client of the indexer and the dev stack connects: bootstrap servers, TLS, SASL and any further
 * client property from a properties file. {@link #properties()} is the one place their common client properties
 * are built; each client adds its own on top. Passwords never appear in {@link #toString()} or in an error.
 */
public record KafkaClientConfig(String bootstrapServers, String securityProtocol, Optional<String> saslMechanism,
                                Optional<String> saslUsername, Optional<String> saslPassword,
                                Optional<Path> truststoreLocation, Optional<String> truststorePassword,
                                Optional<Path> keystoreLocation, Optional<String> keystorePassword,
                                Optional<String> keyPassword, Map<String, String> fileProperties) {
    public static final String BOOTSTRAP = "STORAGEHUB_KAFKA_BOOTSTRAP";
    public static final String SECURITY_PROTOCOL = "STORAGEHUB_KAFKA_SECURITY_PROTOCOL";
    public static final String SASL_MECHANISM = "STORAGEHUB_KAFKA_SASL_MECHANISM";
    public static final String SASL_USERNAME = "STORAGEHUB_KAFKA_SASL_USERNAME";
    public static final String SASL_PASSWORD = "STORAGEHUB_KAFKA_SASL_PASSWORD";
    public static final String TRUSTSTORE_LOCATION = "STORAGEHUB_KAFKA_SSL_TRUSTSTORE_LOCATION";
    public static final String TRUSTSTORE_PASSWORD = "STORAGEHUB_KAFKA_SSL_TRUSTSTORE_PASSWORD";
    public static final String KEYSTORE_LOCATION = "STORAGEHUB_KAFKA_SSL_KEYSTORE_LOCATION";
    public static final String KEYSTORE_PASSWORD = "STORAGEHUB_KAFKA_SSL_KEYSTORE_PASSWORD";
    public static final String KEY_PASSWORD = "STORAGEHUB_KAFKA_SSL_KEY_PASSWORD";
    public static final String PROPERTIES_FILE = "STORAGEHUB_KAFKA_PROPERTIES_FILE";

    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    public KafkaClientConfig {
        bootstrapServers = Check.notBlank(BOOTSTRAP, bootstrapServers);
        fileProperties = Map.copyOf(fileProperties);
        securityProtocol = KafkaSecurity.protocol(securityProtocol, fileProperties);
        KafkaSecurity.validate(securityProtocol, saslMechanism, saslUsername, saslPassword, fileProperties);
        KafkaSecurity.validateSsl(securityProtocol, truststoreLocation, truststorePassword, keystoreLocation,
                keystorePassword, keyPassword);
    }

    /** A plaintext connection to {@code bootstrapServers} without further properties (tests, local stacks). */
    public static KafkaClientConfig plaintext(String bootstrapServers) {
        return new KafkaClientConfig(bootstrapServers, null, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    public static KafkaClientConfig from(Settings s) {
        Map<String, String> file = s.find(PROPERTIES_FILE).map(f -> KafkaPropertiesFile.read(PROPERTIES_FILE, f))
                .orElse(Map.of());
        return new KafkaClientConfig(s.string(BOOTSTRAP, DEFAULT_BOOTSTRAP), s.find(SECURITY_PROTOCOL).orElse(null),
                s.find(SASL_MECHANISM), s.find(SASL_USERNAME), s.find(SASL_PASSWORD),
                s.find(TRUSTSTORE_LOCATION).map(Path::of), s.find(TRUSTSTORE_PASSWORD),
                s.find(KEYSTORE_LOCATION).map(Path::of), s.find(KEYSTORE_PASSWORD), s.find(KEY_PASSWORD), file);
    }

    /** This configuration with other bootstrap servers. */
    public KafkaClientConfig withBootstrapServers(String servers) {
        return new KafkaClientConfig(servers, securityProtocol, saslMechanism, saslUsername, saslPassword,
                truststoreLocation, truststorePassword, keystoreLocation, keystorePassword, keyPassword,
                fileProperties);
    }

    /**
     * The properties every client gets: the properties file's, then the bootstrap servers and the security
     * settings (the keys above win over the file). Passwords are Kafka {@link Password}s, hidden when printed.
     */
    public Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>(fileProperties);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        saslMechanism.ifPresent(m -> props.put(SaslConfigs.SASL_MECHANISM, m));
        if (saslUsername.isPresent() && saslPassword.isPresent() && saslMechanism.isPresent()) {
            props.put(SaslConfigs.SASL_JAAS_CONFIG, new Password(
                    KafkaSecurity.jaas(saslMechanism.get(), saslUsername.get(), saslPassword.get())));
        }
        truststoreLocation.ifPresent(p -> props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, p.toString()));
        truststorePassword.ifPresent(p -> props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, new Password(p)));
        keystoreLocation.ifPresent(p -> props.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, p.toString()));
        keystorePassword.ifPresent(p -> props.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, new Password(p)));
        keyPassword.ifPresent(p -> props.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, new Password(p)));
        return props;
    }

    @Override
    public String toString() {
        return "KafkaClientConfig[bootstrapServers=" + bootstrapServers + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + saslMechanism.orElse("-") + ", saslUsername=" + saslUsername.orElse("-")
                + ", truststore=" + truststoreLocation.map(Path::toString).orElse("-")
                + ", keystore=" + keystoreLocation.map(Path::toString).orElse("-")
                + ", fileProperties=" + fileProperties.keySet() + "]";
    }
}
