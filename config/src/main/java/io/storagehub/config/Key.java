package io.storagehub.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a service's key catalogue, from which its {@code --help} lists every key with its default.
 *
 * @param name         the environment variable, e.g. {@code STORAGEHUB_DB_URL}
 * @param defaultValue the default as shown, or null when the key is required
 * @param description  what it sets and what it accepts
 */
public record Key(String name, String defaultValue, String description) {

    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!name.startsWith(Settings.PREFIX)) {
            throw new IllegalArgumentException("a key starts with " + Settings.PREFIX + ": " + name);
        }
    }

    public boolean secret() {
        return Redaction.isSecret(name);
    }

    /** The catalogue as help text: one line per key (name, default, description), then the rules shared by all. */
    public static String table(List<Key> keys) {
        StringBuilder text = new StringBuilder();
        for (Key key : keys) {
            String value = key.defaultValue == null ? "(required)"
                    : key.defaultValue.isEmpty() ? "(empty)" : key.defaultValue;
            String secret = key.secret() ? " [secret; or " + key.name + SecretFiles.SUFFIX + "]" : "";
            text.append(String.format("  %-38s %-20s %s%s%n", key.name, value, key.description, secret));
        }
        text.append(String.format("Precedence: --config file < environment < flags. A secret key may be given as "
                + "<KEY>%s, the path of a file holding it.%n", SecretFiles.SUFFIX));
        return text.toString();
    }
}
