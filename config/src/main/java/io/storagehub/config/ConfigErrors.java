package io.storagehub.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the errors of several checks so that start-up reports every bad key at once. */
public final class ConfigErrors {
    private final List<ConfigException> errors = new ArrayList<>();

    /** The value {@code read} returns, or {@code fallback} after recording its error. */
    public <T> T read(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (ConfigException e) {
            errors.add(e);
            return fallback;
        }
    }

    public void check(Runnable check) {
        try {
            check.run();
        } catch (ConfigException e) {
            errors.add(e);
        }
    }

    /** Throws one exception carrying every recorded problem, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ConfigException.all(errors);
        }
    }
}
