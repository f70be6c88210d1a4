package io.storagehub.reliability.poison;

import io.storagehub.schema.event.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The poison corpus: {@code src/test/resources/poison-corpus.jsonl}, every kind of invalid record of the event
 * contract mixed into a valid chain ({@code alpha}). {@link #generate()} builds it ({@link CorpusBuilder} with
 * {@link ContextCases}, {@link WireCases} and {@link DataCases}); the committed file is what the tests read.
 * Regenerate it with {@code reliability/run.sh --write-corpus} after a contract change.
 */
public final class PoisonCorpus {
    public static final String RESOURCE = "/poison-corpus.jsonl";
    /** Where the committed file lives, relative to the module. */
    public static final Path SOURCE = Path.of("src", "test", "resources", "poison-corpus.jsonl");

    private PoisonCorpus() {
    }

    public static List<CorpusRecord> generate() {
        CorpusBuilder builder = new CorpusBuilder();
        Envelope first = ContextCases.setUp(builder);
        WireCases.addTo(builder);
        ContextCases.rejects(builder);
        DataCases.addTo(builder);
        ContextCases.duplicates(builder, first);
        return builder.records();
    }

    /** The committed corpus, from the test classpath. */
    public static List<CorpusRecord> load() {
        try (InputStream in = PoisonCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CorpusRecord> parse(String text) {
        List<CorpusRecord> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                records.add(CorpusRecord.parse(line));
            }
        }
        return records;
    }

    static String render(List<CorpusRecord> records) {
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(r.toJsonLine()).append('\n'));
        return text.toString();
    }

    static void write(Path file, List<CorpusRecord> records) {
        try {
            Files.writeString(file, render(records), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
