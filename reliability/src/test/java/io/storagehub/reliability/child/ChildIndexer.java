package io.storagehub.reliability.child;

import io.storagehub.indexer.cli.IndexerCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code indexer run} as its own process ({@code java -cp <this JVM's classpath> IndexerCli run}), logging batch
 * commits at DEBUG into a watched {@link ChildLog}. {@link #kill()} is a SIGKILL: no shutdown hook, no
 * {@code finally}, the process just vanishes.
 */
public final class ChildIndexer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final ChildLog log;
    private final int httpPort;

    private ChildIndexer(String name, Process process, ChildLog log, int httpPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts {@code indexer run} with {@code config}; its output goes to {@code logDir/<name>.log}. */
    public static ChildIndexer start(String name, ChildConfig config, Path logDir) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + childLogbackConfig(),
                "-cp", System.getProperty("java.class.path"), IndexerCli.class.getName(),
                "run", "--http-port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("STORAGEHUB_"));
        env.putAll(config.environment());
        try {
            Files.createDirectories(logDir);
            Process process = builder.start();
            return new ChildIndexer(name, process, ChildLog.pump(process.getInputStream(),
                    logDir.resolve(name + ".log"), name), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the indexer process " + name, e);
        }
    }

    private static String childLogbackConfig() {
        URL config = ChildIndexer.class.getResource("child-logback.xml");
        if (config == null) {
            throw new IllegalStateException("child-logback.xml missing from the test resources");
        }
        try {
            return Paths.get(config.toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public ChildLog log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the process is gone and its output is read to the end. Returns the exit code. */
    public int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** SIGSTOP: the process freezes (as in a long GC pause or a suspended VM), sockets and transactions open. */
    public void pause() {
        signal("-STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGTERM (a clean shutdown), then waits for the exit. Returns the exit code (143 after SIGTERM). */
    public int terminate() {
        process.destroy();
        return awaitExit();
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not exit within " + EXIT_TIMEOUT + "\n" + log.tail(40));
            }
            log.awaitEnd();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
    }

    /** The status of {@code GET path} on the operations port, empty when it does not answer. */
    public Optional<Integer> status(String path) {
        return get(path).map(HttpResponse::statusCode);
    }

    /** The current metrics, {@link Metrics#NONE} when the process does not answer (yet). */
    public Metrics metrics() {
        return get("/metrics").filter(r -> r.statusCode() == 200).map(r -> Metrics.parse(r.body()))
                .orElse(Metrics.NONE);
    }

    private Optional<HttpResponse<String>> get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(5)).build();
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Kills the process if it still runs (for clean-up after a failed test). */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + ", ops port " + httpPort + "]";
    }
}
