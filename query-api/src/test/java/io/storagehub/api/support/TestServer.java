package io.storagehub.api.support;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.storagehub.api.Endpoints;
import io.storagehub.api.changes.ChangeFeeds;
import io.storagehub.api.changes.StreamSettings;
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

    /**
     * The event-stream limits the API tests run with: few subscribers (so the limit is reachable), a short queue
     * (so a slow client is found quickly) and a short keep-alive.
     */
    public static final StreamSettings STREAMS = new StreamSettings(4, 20, Duration.ofMillis(300));

    private final IndexWatcher watcher;
    private final ChangeFeeds feeds;
    private final ApiServer server;

    private TestServer(IndexWatcher watcher, ChangeFeeds feeds, ApiServer server) {
        this.watcher = watcher;
        this.feeds = feeds;
        this.server = server;
    }

    public static TestServer start(StorageQueries queries, NotificationSource notifications, Readiness readiness) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IndexedChains indexed = new IndexedChains(queries::chain, Duration.ofSeconds(1));
        IndexWatcher watcher = new IndexWatcher(indexed, notifications, Duration.ofMillis(200)).start();
        ChangeFeeds feeds = new ChangeFeeds(queries, watcher, STREAMS, registry);
        ApiServer.Settings settings = new ApiServer.Settings("127.0.0.1", 0, 10_000, 50, 10, Duration.ofSeconds(2));
        ApiServer server = ApiServer.start(settings, indexed, watcher,
                new CursorCodec(SECRET.getBytes(StandardCharsets.UTF_8)), registry,
                Endpoints.all(queries, feeds, readiness, registry));
        return new TestServer(watcher, feeds, server);
    }

    public ApiServer server() {
        return server;
    }

    public Http http() {
        return new Http(server.port());
    }

    @Override
    public void close() {
        feeds.close();
        server.close();
        watcher.close();
    }
}
