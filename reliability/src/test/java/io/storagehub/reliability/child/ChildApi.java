package io.storagehub.reliability.child;

import io.storagehub.api.Main;
import io.storagehub.reliability.support.HttpProbe;
import io.storagehub.testkit.process.ChildJvm;
import io.storagehub.testkit.wait.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The query API as its own process ({@link ChildJvm}: this JVM's class path, {@code io.storagehub.api.Main}),
 * configured by environment variables, on a fixed port so that a restarted API answers where the killed one did.
 * {@link #kill()} is a SIGKILL.
 */
public final class ChildApi implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ChildJvm jvm;
    private final int port;

    private ChildApi(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /** Starts the API on {@code port} with {@code env} (the STORAGEHUB_ keys) and waits until {@code /ready} is 200. */
    public static ChildApi start(String name, int port, Map<String, String> env, Path logDir) {
        Map<String, String> all = new HashMap<>(env);
        all.put("STORAGEHUB_API_HOST", "127.0.0.1");
        all.put("STORAGEHUB_API_PORT", Integer.toString(port));
        ChildJvm jvm = ChildJvm.builder(name, Main.class.getName())
                .jvmArgs("-Xmx256m", "-XX:+UseSerialGC")
                .withoutInheritedEnv("STORAGEHUB_")
                .env(all)
                .logFile(logDir.resolve(name + ".log"))
                .watchOutput()
                .stopTimeout(Duration.ofSeconds(30))
                .start();
        ChildApi api = new ChildApi(jvm, port);
        HttpProbe http = new HttpProbe(port);
        Wait.until(READY_TIMEOUT, name + " ready", () -> {
            jvm.checkAlive();
            return http.status("/ready") == 200;
        });
        return api;
    }

    public int port() {
        return port;
    }

    public String tail() {
        return jvm.tail();
    }

    /** SIGKILL, then waits until the process is gone. Returns the exit code. */
    public int kill() {
        return jvm.kill();
    }

    /** SIGTERM (a clean shutdown), then waits for the exit. Returns the exit code. */
    public int terminate() {
        return jvm.terminate();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
