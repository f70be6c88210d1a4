package io.storagehub.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A properties file of configuration keys, written either as the environment variable ({@code STORAGEHUB_TOPIC})
 * or in dotted lower case ({@code storagehub.topic}); a key without the {@code storagehub} prefix is an error.
 */
final class PropertiesFile {

    private PropertiesFile() {
    }

    static Map<String, String> read(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("the configuration file " + path + " cannot be read: " + e);
        }
        Map<String, String> read = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            String key = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (!key.startsWith(Settings.PREFIX)) {
                throw new ConfigException("unknown key '" + name + "' in " + path + ": keys start with "
                        + Settings.PREFIX + " or storagehub.");
            }
            read.put(key, properties.getProperty(name).trim());
        }
        return read;
    }
}
