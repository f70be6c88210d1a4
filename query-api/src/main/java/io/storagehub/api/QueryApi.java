package io.storagehub.api;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.storagehub.api.config.ApiConfig;
import io.storagehub.api.consistency.IndexWatcher;
import io.storagehub.api.consistency.IndexedChains;
import io.storagehub.api.consistency.PgNotificationSource;
import io.storagehub.api.cursor.CursorCodec;
import io.storagehub.api.db.ApiDatabase;
import io.storagehub.api.http.ApiServer;
import io.storagehub.api.ops.DatabaseReadiness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API process: the read-only database pool, the shared block watcher and the HTTP server. Starts while
 * the database is down (then {@code /ready} is 503 and chain endpoints answer 503) and recovers by itself.
 */
public final class QueryApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryApi.class);

    private final PrometheusMeterRegistry registry;
    private final ApiDatabase database;
    private final IndexWatcher watcher;
    private final ApiServer server;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private QueryApi(PrometheusMeterRegistry registry, ApiDatabase database, IndexWatcher watcher,
                     ApiServer server) {
        this.registry = registry;
        this.database = database;
        this.watcher = watcher;
        this.server = server;
    }

    public static QueryApi start(ApiConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List.of(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ProcessorMetrics(), new UptimeMetrics())
                .forEach(binder -> binder.bindTo(registry));
        ApiDatabase database = ApiDatabase.open(config, registry);
        IndexedChains indexed = new IndexedChains(database.queries()::chain, config.indexedMaxAge());
        IndexWatcher watcher = new IndexWatcher(indexed, new PgNotificationSource(database::openListener),
                config.waitPoll()).start();
        try {
            ApiServer server = ApiServer.start(
                    new ApiServer.Settings(config.httpHost(), config.httpPort(), config.maxWait().toMillis(),
                            config.httpMaxThreads()),
                    indexed, watcher,
                    new CursorCodec(config.cursorSecret().getBytes(StandardCharsets.UTF_8)), registry,
                    Endpoints.all(database.queries(), new DatabaseReadiness(database.dataSource(),
                            database::migrationsUpToDate), registry));
            LOG.info("query API listening on {}:{} ({})", config.httpHost(), server.port(), config);
            return new QueryApi(registry, database, watcher, server);
        } catch (RuntimeException e) {
            watcher.close();
            database.close();
            registry.close();
            throw e;
        }
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** Every registered route. */
    public List<ApiServer.Route> routes() {
        return server.routes();
    }

    /** Answers waiting requests with 503, stops the server, then releases the pool. Idempotent. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            watcher.close();
            server.close();
            database.close();
            registry.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
