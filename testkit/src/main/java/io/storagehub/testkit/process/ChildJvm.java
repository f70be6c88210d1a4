package io.storagehub.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java process started from this JVM's own java binary and class path (the indexer's CLI, the query API, a
 * test main), its output in a log file. {@link #terminate()} is a SIGTERM (a clean shutdown), {@link #kill()}
 * a SIGKILL (no shutdown hook, no {@code finally}); both wait for the exit with a deadline. {@link #close()}
 * stops exactly this process: SIGTERM, then SIGKILL if it has not ended within the stop timeout.
 *
 * <pre>{@code
 * try (ChildJvm indexer = ChildJvm.builder("indexer", IndexerCli.class.getName())
 *         .args("run", "--http-port", "8081").env(env).logFile(dir.resolve("indexer.log")).start()) {
 *     ...
 *     assertThat(indexer.terminate()).isEqualTo(ChildJvm.EXIT_SIGTERM);
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {
    /** The exit code of a JVM stopped by SIGTERM (128 + 15). */
    public static final int EXIT_SIGTERM = 143;
    /** The exit code of a process stopped by SIGKILL (128 + 9). */
    public static final int EXIT_SIGKILL = 137;

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final int TAIL_LINES = 40;
    /** The children still running, stopped by {@link #stopAll()} (from a harness's shutdown hook). */
    private static final Set<ChildJvm> RUNNING = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final ChildLog watched;
    private final Duration stopTimeout;

    private ChildJvm(String name, Process process, Path logFile, ChildLog watched, Duration stopTimeout) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.watched = watched;
        this.stopTimeout = stopTimeout;
    }

    /** A launcher of {@code mainClass} (a fully qualified name) on this JVM's class path. */
    public static ChildJvmBuilder builder(String name, String mainClass) {
        return new ChildJvmBuilder(name, mainClass);
    }

    static ChildJvm start(String name, List<String> command, ProcessBuilder builder, Path logFile,
                          boolean watch, Duration stopTimeout) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            if (!watch) {
                builder.redirectOutput(logFile.toFile());
            }
            Process process = builder.redirectErrorStream(true).start();
            ChildLog watched = watch ? ChildLog.pump(process.getInputStream(), logFile, name) : null;
            LOG.info("{} started (pid {}), log {}", name, process.pid(), logFile);
            ChildJvm child = new ChildJvm(name, process, logFile, watched, stopTimeout);
            RUNNING.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The output kept in memory, for a child started with {@link ChildJvmBuilder#watchOutput()}. */
    public ChildLog log() {
        if (watched == null) {
            throw new IllegalStateException(name + " was started without watchOutput(); read " + logFile);
        }
        return watched;
    }

    /** The last lines of the output, for failure messages. */
    public String tail() {
        if (watched != null) {
            return watched.tail(TAIL_LINES);
        }
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Fails with the output's tail when the process has ended. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + tail());
        }
    }

    /**
     * Waits for the process to end by itself and returns its exit code; after {@code timeout} it is killed and
     * this fails with the output's tail.
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
                throw new IllegalStateException(name + " (pid " + process.pid() + ") did not exit within "
                        + timeout + "\n" + tail());
            }
            if (watched != null && !watched.awaitEnd(stopTimeout)) {
                throw new IllegalStateException(name + " exited but its output did not end within " + stopTimeout);
            }
            RUNNING.remove(this);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** SIGTERM, then waits up to the stop timeout for the exit. Returns the exit code ({@link #EXIT_SIGTERM}). */
    public int terminate() {
        process.destroy();
        return awaitExit(stopTimeout);
    }

    /** SIGKILL, then waits until the process is gone (and its output read to the end). Returns the exit code. */
    public int kill() {
        process.destroyForcibly();
        return awaitExit(stopTimeout);
    }

    /** SIGSTOP: the process freezes (as in a long GC pause or a suspended VM), sockets and transactions open. */
    public void pause() {
        Signals.send("STOP", process.pid());
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        Signals.send("CONT", process.pid());
    }

    /** Stops every child still running (from a harness's shutdown hook). */
    public static void stopAll() {
        RUNNING.forEach(ChildJvm::close);
    }

    /** Stops the process if it still runs: SIGTERM, then SIGKILL after the stop timeout. Never throws. */
    @Override
    public void close() {
        RUNNING.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) did not stop on SIGTERM within {}; killing it", name, process.pid(),
                        stopTimeout);
                process.destroyForcibly().waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}
