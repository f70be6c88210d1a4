package io.storagehub.reliability.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's sizes, from system properties ({@code -Dreliability.events=1000000}); {@code reliability.profile}
 * ({@code ci}, the default, or {@code soak}) picks the defaults. Every value a run used is recorded with its
 * figures, so the command that reproduces it can be printed.
 */
public final class Sizes {
    public static final String PREFIX = "reliability.";
    private static final String PROFILE = PREFIX + "profile";
    private final List<String> used = new ArrayList<>();

    public static Sizes fromSystemProperties() {
        return new Sizes();
    }

    public String profile() {
        String profile = System.getProperty(PROFILE, "ci").trim().toLowerCase(Locale.ROOT);
        if (!profile.equals("ci") && !profile.equals("soak")) {
            throw new IllegalArgumentException(PROFILE + " must be ci or soak, got " + profile);
        }
        return profile;
    }

    public boolean soak() {
        return profile().equals("soak");
    }

    /** An integer size: the property if given, else the profile's default. */
    public int integer(String key, int ci, int soak, int min, int max) {
        String raw = System.getProperty(PREFIX + key);
        int value;
        try {
            value = raw == null || raw.isBlank() ? (soak() ? soak : ci) : Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be an integer, got " + raw);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(PREFIX + key + " must be in " + min + ".." + max + ", got " + value);
        }
        used.add("-D" + PREFIX + key + "=" + value);
        return value;
    }

    public long seed(long fallback) {
        String raw = System.getProperty(PREFIX + "seed");
        long seed = raw == null || raw.isBlank() ? fallback : Long.parseLong(raw.trim());
        used.add("-D" + PREFIX + "seed=" + seed);
        return seed;
    }

    public Duration seconds(String key, int ci, int soak, int min, int max) {
        return Duration.ofSeconds(integer(key, ci, soak, min, max));
    }

    /** The command that repeats a scenario with the sizes read so far. */
    public String command(String testClass) {
        StringBuilder command = new StringBuilder("reliability/run.sh");
        if (!soak()) {
            command.append(" --ci");
        }
        command.append(" --only ").append(testClass);
        used.forEach(flag -> command.append(' ').append(flag));
        return command.toString();
    }
}
