package io.storagehub.api.support;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.storagehub.api.Endpoints;
import io.storagehub.api.consistency.IndexWatcher;
import io.storagehub.api.consistency.IndexedChains;
import io.storagehub.api.consistency.NotificationSource;
import io.storagehub.api.cursor.CursorCodec;
import io.storagehub.api.http.ApiServer;
import io.storagehub.api.ops.Readiness;
import io.storagehub.projection.StorageQueries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTTP server over any {@link StorageQueries}, on a free loopback port, without a database of its own. */
public final class TestServer implements AutoCloseable {
    public static final String SECRET = "test-cursor-secret-0123456789abcdef";

    private final IndexWatcher watcher;
    private final ApiServer server;

    private TestServer(IndexWatcher watcher, ApiServer server) {
        this.watcher = watcher;
        this.server = server;
    }

    public static TestServer start(StorageQueries queries, NotificationSource notifications, Readiness readiness) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IndexedChains indexed = new IndexedChains(queries::chain, Duration.ofSeconds(1));
        IndexWatcher watcher = new IndexWatcher(indexed, notifications, Duration.ofMillis(200)).start();
        ApiServer.Settings settings = new ApiServer.Settings("127.0.0.1", 0, 10_000, 50, 10, Duration.ofSeconds(2));
        ApiServer server = ApiServer.start(settings, indexed, watcher,
                new CursorCodec(SECRET.getBytes(StandardCharsets.UTF_8)), registry,
                Endpoints.all(queries, readiness, registry));
        return new TestServer(watcher, server);
    }

    public ApiServer server() {
        return server;
    }

    public Http http() {
        return new Http(server.port());
    }

    @Override
    public void close() {
        server.close();
        watcher.close();
    }
}
