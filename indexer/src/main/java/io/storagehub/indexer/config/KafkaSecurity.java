package io.storagehub.indexer.config;

import io.storagehub.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/** Validation of the Kafka security settings and the SASL JAAS configuration built from them. */
final class KafkaSecurity {
    static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    private static final String FILE_JAAS = SaslConfigs.SASL_JAAS_CONFIG + " in " + KafkaClientConfig.PROPERTIES_FILE;

    private KafkaSecurity() {
    }

    /** The protocol set by its key, else by the properties file, else PLAINTEXT; one of {@link #PROTOCOLS}. */
    static String protocol(String fromKey, Map<String, String> file) {
        String key = KafkaClientConfig.SECURITY_PROTOCOL;
        String value = fromKey;
        if (value == null || value.isBlank()) {
            key = CommonClientConfigs.SECURITY_PROTOCOL_CONFIG + " in " + KafkaClientConfig.PROPERTIES_FILE;
            value = file.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        }
        String protocol = value.trim().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw ConfigException.invalid(key, value, "one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
        }
        return protocol;
    }

    /**
     * SASL protocols need a mechanism, a user name and a password (or a {@code sasl.jaas.config} of their own in
     * the properties file); the SASL keys without a SASL protocol are a mistake.
     */
    static void validate(String protocol, Optional<String> mechanism, Optional<String> username,
                         Optional<String> password, Map<String, String> file) {
        boolean sasl = protocol.startsWith("SASL_");
        if (!sasl) {
            forbidden(KafkaClientConfig.SASL_MECHANISM, mechanism.isPresent(), protocol, "SASL_PLAINTEXT or SASL_SSL");
            forbidden(KafkaClientConfig.SASL_USERNAME, username.isPresent(), protocol, "SASL_PLAINTEXT or SASL_SSL");
            forbidden(KafkaClientConfig.SASL_PASSWORD, password.isPresent(), protocol, "SASL_PLAINTEXT or SASL_SSL");
            return;
        }
        mechanism.ifPresent(m -> {
            if (!MECHANISMS.contains(m)) {
                throw ConfigException.invalid(KafkaClientConfig.SASL_MECHANISM, m,
                        "one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 (others through " + FILE_JAAS + ")");
            }
        });
        if (file.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
            if (username.isPresent() || password.isPresent()) {
                throw new ConfigException(KafkaClientConfig.SASL_USERNAME + " / " + KafkaClientConfig.SASL_PASSWORD
                        + " and " + FILE_JAAS + " are both set: use one of them");
            }
            return;
        }
        required(KafkaClientConfig.SASL_MECHANISM, mechanism.isPresent(), protocol);
        required(KafkaClientConfig.SASL_USERNAME, username.isPresent(), protocol);
        required(KafkaClientConfig.SASL_PASSWORD, password.isPresent(), protocol);
    }

    /** Trust and key stores only with a TLS protocol, as readable files; a key store needs its password. */
    static void validateSsl(String protocol, Optional<Path> truststore, Optional<String> truststorePassword,
                            Optional<Path> keystore, Optional<String> keystorePassword, Optional<String> keyPassword) {
        boolean tls = protocol.equals("SSL") || protocol.equals("SASL_SSL");
        String accepted = "SSL or SASL_SSL";
        forbidden(KafkaClientConfig.TRUSTSTORE_LOCATION, !tls && truststore.isPresent(), protocol, accepted);
        forbidden(KafkaClientConfig.KEYSTORE_LOCATION, !tls && keystore.isPresent(), protocol, accepted);
        truststore.ifPresent(p -> readable(KafkaClientConfig.TRUSTSTORE_LOCATION, p));
        keystore.ifPresent(p -> readable(KafkaClientConfig.KEYSTORE_LOCATION, p));
        needs(KafkaClientConfig.TRUSTSTORE_PASSWORD, truststorePassword.isPresent(),
                KafkaClientConfig.TRUSTSTORE_LOCATION, truststore.isPresent());
        needs(KafkaClientConfig.KEYSTORE_PASSWORD, keystorePassword.isPresent(),
                KafkaClientConfig.KEYSTORE_LOCATION, keystore.isPresent());
        needs(KafkaClientConfig.KEY_PASSWORD, keyPassword.isPresent(), KafkaClientConfig.KEYSTORE_LOCATION,
                keystore.isPresent());
        if (keystore.isPresent() && keystorePassword.isEmpty()) {
            throw new ConfigException(KafkaClientConfig.KEYSTORE_PASSWORD + " is required when "
                    + KafkaClientConfig.KEYSTORE_LOCATION + " is set");
        }
    }

    /**
     * The JAAS line of a PLAIN or SCRAM login. The user name and password are quoted; a backslash or a double
     * quote in them is escaped, as Kafka's JAAS parser reads them.
     */
    static String jaas(String mechanism, String username, String password) {
        String module = mechanism.equals("PLAIN")
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=" + quoted(username) + " password=" + quoted(password) + ";";
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void forbidden(String key, boolean set, String protocol, String accepted) {
        if (set) {
            throw new ConfigException(key + " is set but " + KafkaClientConfig.SECURITY_PROTOCOL + " is "
                    + protocol + ": it applies only to " + accepted);
        }
    }

    private static void required(String key, boolean set, String protocol) {
        if (!set) {
            throw new ConfigException(key + " is required when " + KafkaClientConfig.SECURITY_PROTOCOL + " is "
                    + protocol + " (or give " + FILE_JAAS + ")");
        }
    }

    private static void needs(String key, boolean set, String other, boolean otherSet) {
        if (set && !otherSet) {
            throw new ConfigException(key + " is set without " + other);
        }
    }

    private static void readable(String key, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw ConfigException.invalid(key, file, "a readable file");
        }
    }
}
