package io.storagehub.bench.query;

import io.storagehub.bench.env.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * wrk against the API: every request picks a random path from a list (the Lua script {@code random-paths.lua}),
 * 2 threads, the given connections; a warm-up run, then the measured one with {@code --latency}.
 */
public final class Wrk {
    private final Path script;
    private final String baseUrl;

    public Wrk(Path workDir, String baseUrl) {
        this.script = workDir.resolve("random-paths.lua");
        this.baseUrl = baseUrl;
        try (InputStream in = Wrk.class.getResourceAsStream("random-paths.lua")) {
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Load run(Path pathsFile, int connections, int warmupSeconds, int seconds) {
        warmUp(pathsFile, connections, warmupSeconds);
        return measure(pathsFile, connections, seconds);
    }

    /** A load whose figures are not kept. */
    public void warmUp(Path pathsFile, int connections, int seconds) {
        Commands.output(command(pathsFile, connections, seconds));
    }

    public Load measure(Path pathsFile, int connections, int seconds) {
        return WrkOutput.parse(Commands.output(command(pathsFile, connections, seconds)));
    }

    private List<String> command(Path pathsFile, int connections, int seconds) {
        return List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "--latency",
                "-s", script.toString(), baseUrl, "--", pathsFile.toString());
    }

    public static Path writePaths(Path file, List<String> paths) {
        try {
            Files.write(file, paths);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
