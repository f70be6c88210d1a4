package io.storagehub.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration value that is missing, unreadable or out of range. Every message has one format: the key, the
 * bad value in quotes (never for a secret, see {@link Redaction#isSecret}), and what the key accepts:
 * {@code STORAGEHUB_API_PORT = '70000' is invalid: expected an integer in [0, 65535]}. Several problems found at
 * once are joined with {@code "; "}.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(String message) {
        this(List.of(message));
    }

    private ConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** {@code KEY = 'value' is invalid: expected ACCEPTED}; a secret's value is not shown. */
    public static ConfigException invalid(String key, Object value, String accepted) {
        return new ConfigException(key + " = " + Redaction.shown(key, value) + " is invalid: expected " + accepted);
    }

    /** {@code KEY is missing: expected ACCEPTED}. */
    public static ConfigException missing(String key, String accepted) {
        return new ConfigException(key + " is missing: expected " + accepted);
    }

    /** A flag that would put a secret on the command line, where other users of the machine can read it. */
    public static ConfigException secretOnCommandLine(String flag, String key) {
        return new ConfigException(flag + " is not accepted: a command line is visible to other users of the "
                + "machine; set " + key + " or " + key + SecretFiles.SUFFIX + " (a file holding the value)");
    }

    /** One exception carrying every problem of {@code errors}, in order. */
    public static ConfigException all(List<ConfigException> errors) {
        return new ConfigException(errors.stream().flatMap(e -> e.problems.stream()).collect(Collectors.toList()));
    }

    /** Each problem, one per key. */
    public List<String> problems() {
        return problems;
    }
}
