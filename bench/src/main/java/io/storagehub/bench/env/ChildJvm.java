package io.storagehub.bench.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java process on this benchmark's class path (the indexer's CLI, the query API), its output in a log file.
 * {@link #close()} stops exactly this process: SIGTERM, then SIGKILL if it has not ended in time.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);

    /** The children still running, stopped by {@link #stopAll()} if the harness itself is stopped. */
    private static final java.util.Set<ChildJvm> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ChildJvm start(String name, List<String> jvmArgs, String mainClass, List<String> args,
                                 Map<String, String> env, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            log.info("{} started (pid {}), log {}", name, process.pid(), logFile);
            ChildJvm child = new ChildJvm(name, process, logFile);
            RUNNING.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits for the process to end by itself; returns its exit code, or fails after {@code timeout}. */
    public int await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeout + "\n"
                        + Commands.tail(logFile));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** Fails with the log's tail when the process has ended. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n"
                    + Commands.tail(logFile));
        }
    }

    /** Stops every child still running (from the harness's shutdown hook). */
    public static void stopAll() {
        RUNNING.forEach(ChildJvm::close);
    }

    @Override
    public void close() {
        RUNNING.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("{} (pid {}) did not stop on SIGTERM; killing it", name, process.pid());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
