package io.storagehub.infra.simulator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * How far the simulator got: the chain, its seed and how many events were durably published. The generator is
 * deterministic, so these three numbers are enough to resume exactly where it stopped: fast-forward a new
 * generator of the same seed by {@code emitted} events.
 */
public record SimulatorState(String chain, long seed, long emitted) {
    private static final String CHAIN = "chain";
    private static final String SEED = "seed";
    private static final String EMITTED = "emitted";

    public SimulatorState {
        if (emitted < 0) {
            throw new IllegalArgumentException("emitted must be >= 0, got " + emitted);
        }
    }

    public SimulatorState withEmitted(long count) {
        return new SimulatorState(chain, seed, count);
    }

    /** The stored state, or empty when the file does not exist. */
    public static Optional<SimulatorState> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator state " + file, e);
        }
        try {
            return Optional.of(new SimulatorState(required(p, CHAIN, file),
                    Long.parseLong(required(p, SEED, file)), Long.parseLong(required(p, EMITTED, file))));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("corrupt simulator state " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the state atomically (a temporary file moved over the old one). */
    public void store(Path file) {
        Properties p = new Properties();
        p.setProperty(CHAIN, chain);
        p.setProperty(SEED, Long.toString(seed));
        p.setProperty(EMITTED, Long.toString(emitted));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "simulator-", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "chain simulator position: resume fast-forwards the generator by 'emitted'");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write simulator state " + file, e);
        }
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("simulator state " + file + " lacks '" + key + "'");
        }
        return value.trim();
    }
}
