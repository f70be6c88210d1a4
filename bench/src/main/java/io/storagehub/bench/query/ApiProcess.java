package io.storagehub.bench.query;

import io.storagehub.api.db.ReadOnlyRole;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Services;
import io.storagehub.testkit.net.FreePort;
import io.storagehub.testkit.process.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/** The query API ({@code io.storagehub.api.Main}) in its own JVM, over the read model's schema. */
public final class ApiProcess implements AutoCloseable {
    private static final String READ_ONLY_ROLE = "storagehub_bench_api";
    private static final String READ_ONLY_PASSWORD = "storagehub-bench-api";
    private final ChildJvm jvm;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiProcess(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    public static ApiProcess start(Services services, Path logFile, Map<String, String> extraEnv)
            throws InterruptedException {
        int port = FreePort.pick();
        // the API refuses a role that can write: it connects, as in production, with a read-only role
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(services.pg().jdbcUrl());
        admin.setUser(PgCluster.USER);
        ReadOnlyRole.grant(admin, services.schema(), READ_ONLY_ROLE, READ_ONLY_PASSWORD);
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "STORAGEHUB_DB_URL", services.pg().jdbcUrl(),
                "STORAGEHUB_DB_USER", READ_ONLY_ROLE,
                "STORAGEHUB_DB_PASSWORD", READ_ONLY_PASSWORD,
                "STORAGEHUB_DB_SCHEMA", services.schema(),
                "STORAGEHUB_API_CURSOR_SECRET", "storagehub-benchmark-cursor-secret-0123456789",
                "STORAGEHUB_API_HOST", "127.0.0.1",
                "STORAGEHUB_API_PORT", Integer.toString(port)));
        env.putAll(extraEnv);
        ChildJvm jvm = ChildJvm.builder("query API", "io.storagehub.api.Main").jvmArgs("-Xmx1g").env(env)
                .logFile(logFile).start();
        ApiProcess api = new ApiProcess(jvm, port);
        api.awaitReady();
        return api;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            jvm.checkAlive();
            try {
                if (get("/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the query API did not become ready within 60 s");
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create(base() + path);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public HttpClient client() {
        return http;
    }

    public long pid() {
        return jvm.pid();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
