package io.storagehub.reliability.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where runs are recorded. Always {@code target/reliability/<scenario>.json} (or {@code -Dreliability.out});
 * with {@code -Dreliability.results=DIR} (set by {@code reliability/run.sh}) also {@code DIR/<scenario>-<profile>.json},
 * the committed record. After each run the report is rendered from the committed record (else from the run
 * directory) into {@code target/reliability/RELIABILITY.md} and, with {@code -Dreliability.report=FILE}, FILE.
 */
public final class Results {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {
    }

    static synchronized void record(ScenarioResult result) {
        Path out = Path.of(System.getProperty("reliability.out", "target/reliability"));
        write(out.resolve(result.scenario() + ".json"), result);
        String results = System.getProperty("reliability.results", "");
        Path source = out;
        if (!results.isBlank()) {
            source = Path.of(results);
            write(source.resolve(result.scenario() + "-" + result.profile() + ".json"), result);
        }
        String markdown = Report.render(load(source));
        writeText(out.resolve("RELIABILITY.md"), markdown);
        String report = System.getProperty("reliability.report", "");
        if (!report.isBlank()) {
            writeText(Path.of(report), markdown);
        }
    }

    static List<ScenarioResult> load(Path dir) {
        List<ScenarioResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                results.add(JSON.readValue(file.toFile(), ScenarioResult.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results in " + dir, e);
        }
        return results;
    }

    private static void write(Path file, ScenarioResult result) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
