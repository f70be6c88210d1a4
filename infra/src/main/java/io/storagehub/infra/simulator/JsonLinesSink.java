package io.storagehub.infra.simulator;

import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes one envelope per line in the wire format ({@link EventEncoder#toJson}), the input of
 * {@code indexer publish}. Appends to an existing file, so a resumed backfill continues it.
 */
public final class JsonLinesSink implements EventSink {
    private final Path file;
    private final BufferedWriter out;
    private final EventEncoder encoder = new EventEncoder();

    public JsonLinesSink(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    @Override
    public void send(List<Envelope> events) {
        try {
            for (Envelope e : events) {
                out.write(encoder.toJson(e));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
