package io.storagehub.indexer.config;

import io.storagehub.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/** Reads the Kafka client properties file given by {@code STORAGEHUB_KAFKA_PROPERTIES_FILE}. */
final class KafkaPropertiesFile {
    /** Set by their own keys only, so that one value is never silently replaced by another. */
    private static final Map<String, String> OWN_KEYS = Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KafkaClientConfig.BOOTSTRAP);

    private KafkaPropertiesFile() {
    }

    static Map<String, String> read(String key, String location) {
        Path path = Path.of(location);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw ConfigException.invalid(key, location, "a readable Kafka client properties file ("
                    + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> read = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (OWN_KEYS.containsKey(name)) {
                throw new ConfigException(name + " in " + key + " (" + location + "): set "
                        + OWN_KEYS.get(name) + " instead");
            }
            read.put(name, properties.getProperty(name).trim());
        }
        return read;
    }
}
