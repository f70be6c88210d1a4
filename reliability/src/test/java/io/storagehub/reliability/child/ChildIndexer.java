package io.storagehub.reliability.child;

import io.storagehub.indexer.cli.IndexerCli;
import io.storagehub.testkit.net.FreePort;
import io.storagehub.testkit.process.ChildJvm;
import io.storagehub.testkit.process.ChildLog;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code indexer run} as its own process ({@link ChildJvm}: this JVM's class path, {@code IndexerCli run}), logging
 * batch commits at DEBUG into a watched {@link ChildLog}. {@link #kill()} is a SIGKILL: no shutdown hook, no
 * {@code finally}, the process just vanishes.
 */
public final class ChildIndexer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final ChildJvm jvm;
    private final int httpPort;

    private ChildIndexer(ChildJvm jvm, int httpPort) {
        this.jvm = jvm;
        this.httpPort = httpPort;
    }

    /** Starts {@code indexer run} with {@code config}; its output goes to {@code logDir/<name>.log}. */
    public static ChildIndexer start(String name, ChildConfig config, Path logDir) {
        return start(name, config, Map.of(), logDir);
    }

    /** As {@link #start(String, ChildConfig, Path)} with {@code extraEnv} added to (or overriding) the config's. */
    public static ChildIndexer start(String name, ChildConfig config, Map<String, String> extraEnv, Path logDir) {
        int port = FreePort.pick();
        return new ChildIndexer(launch(name, config, extraEnv, logDir,
                List.of("run", "--http-port", Integer.toString(port))), port);
    }

    /**
     * Another indexer command ({@code rebuild --drop-old}, ...) as its own process, with the same logging and
     * environment as {@link #start}; it has no operations port, so {@link #status} and {@link #metrics} are empty.
     */
    public static ChildIndexer command(String name, ChildConfig config, Map<String, String> extraEnv, Path logDir,
                                       String... args) {
        return new ChildIndexer(launch(name, config, extraEnv, logDir, List.of(args)), 0);
    }

    private static ChildJvm launch(String name, ChildConfig config, Map<String, String> extraEnv, Path logDir,
                                   List<String> args) {
        Map<String, String> env = new HashMap<>(config.environment());
        env.putAll(extraEnv);
        return ChildJvm.builder(name, IndexerCli.class.getName())
                .jvmArgs("-Xmx768m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + childLogbackConfig())
                .args(args)
                .withoutInheritedEnv("STORAGEHUB_")
                .env(env)
                .logFile(logDir.resolve(name + ".log"))
                .watchOutput()
                .stopTimeout(EXIT_TIMEOUT)
                .start();
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

    public String name() {
        return jvm.name();
    }

    public ChildLog log() {
        return jvm.log();
    }

    public long pid() {
        return jvm.pid();
    }

    public boolean alive() {
        return jvm.alive();
    }

    /** SIGKILL, then waits until the process is gone and its output is read to the end. Returns the exit code. */
    public int kill() {
        return jvm.kill();
    }

    /** Waits until the process exits by itself (a command that ends); returns the exit code. */
    public int awaitExit(Duration timeout) {
        return jvm.awaitExit(timeout);
    }

    /** SIGSTOP: the process freezes (as in a long GC pause or a suspended VM), sockets and transactions open. */
    public void pause() {
        jvm.pause();
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        jvm.resume();
    }

    /** SIGTERM (a clean shutdown), then waits for the exit. Returns the exit code (143 after SIGTERM). */
    public int terminate() {
        return jvm.terminate();
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
        if (jvm.alive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return jvm.name() + "[pid " + jvm.pid() + ", ops port " + httpPort + "]";
    }
}
