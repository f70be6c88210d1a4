package io.storagehub.testkit.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process's output, pumped line by line into a file and kept in memory, so a test can watch it for
 * phases ("partitions revoked", "dead-lettered") and parse it afterwards. Lines written before a SIGKILL are
 * still read: the pipe outlives the writer. {@link ChildJvm.Builder#watchOutput()} asks for one.
 */
public final class ChildLog {
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Path file;

    private ChildLog(Path file) {
        this.file = file;
    }

    static ChildLog pump(InputStream output, Path file, String name) {
        ChildLog log = new ChildLog(file);
        Thread pump = new Thread(() -> log.copy(output), "log-" + name);
        pump.setDaemon(true);
        pump.start();
        return log;
    }

    private void copy(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                writer.write(line);
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying the output to " + file, e);
        } finally {
            closed.countDown();
        }
    }

    /** The number of lines read so far: a mark to search from. */
    public int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** The first line at or after {@code from} that matches. */
    public Optional<String> find(int from, Predicate<String> matches) {
        synchronized (lines) {
            for (int i = from; i < lines.size(); i++) {
                if (matches.test(lines.get(i))) {
                    return Optional.of(lines.get(i));
                }
            }
        }
        return Optional.empty();
    }

    public boolean contains(int from, String text) {
        return find(from, line -> line.contains(text)).isPresent();
    }

    /** Every line so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits until the process closed its output (after it exited), so {@link #lines()} is complete. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Path file() {
        return file;
    }

    /** The last lines, for assertion messages. */
    public String tail(int count) {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
    }
}
