package io.storagehub.api;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.storagehub.api.changes.ChangeFeeds;
import io.storagehub.api.config.ApiConfig;
import io.storagehub.api.consistency.IndexWatcher;
import io.storagehub.api.consistency.IndexedChains;
import io.storagehub.api.consistency.PgNotificationSource;
import io.storagehub.api.cursor.CursorCodec;
import io.storagehub.api.db.ApiDatabase;
import io.storagehub.api.http.ApiServer;
import io.storagehub.api.db.RoleGuard;
import io.storagehub.api.ops.DatabaseReadiness;
import io.storagehub.api.ops.Readiness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
    private final ChangeFeeds feeds;
    private final ApiServer server;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CompletableFuture<RoleGuard.UnsafeRoleException> refusal = new CompletableFuture<>();

    private QueryApi(PrometheusMeterRegistry registry, ApiDatabase database, IndexWatcher watcher,
                     ChangeFeeds feeds, ApiServer server) {
        this.registry = registry;
        this.database = database;
        this.watcher = watcher;
        this.feeds = feeds;
        this.server = server;
    }

    /**
     * Starts the API; throws {@link RoleGuard.UnsafeRoleException} when its database role can write the read model
     * (unless allowed), and {@link #refusal()} completes if that is found only later (the database was down).
     */
    public static QueryApi start(ApiConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List.of(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ProcessorMetrics(), new UptimeMetrics())
                .forEach(binder -> binder.bindTo(registry));
        ApiDatabase database = ApiDatabase.open(config, registry);
        AtomicReference<QueryApi> started = new AtomicReference<>();
        RoleGuard guard = new RoleGuard(database.dataSource(), config.dbSchema(), config.dbUser(),
                config.allowWriteRole(), late -> refuseLater(started, late));
        try {
            guard.checkAtStart();
        } catch (RuntimeException e) {
            database.close();
            registry.close();
            throw e;
        }
        DatabaseReadiness databaseReadiness = new DatabaseReadiness(database.dataSource(),
                database::migrationsUpToDate);
        Readiness readiness = () -> databaseReadiness.notReadyReason().or(guard::notReadyReason);
        IndexedChains indexed = new IndexedChains(database.queries()::chain, config.indexedMaxAge());
        IndexWatcher watcher = new IndexWatcher(indexed, new PgNotificationSource(database::openListener),
                config.waitPoll()).start();
        ChangeFeeds feeds = new ChangeFeeds(database.queries(), watcher, config.streams(), registry);
        try {
            ApiServer server = ApiServer.start(
                    new ApiServer.Settings(config.httpHost(), config.httpPort(), config.maxWait().toMillis(),
                            config.httpMaxThreads(), config.dbPoolSize(), config.dbConnectTimeout()),
                    indexed, watcher,
                    new CursorCodec(config.cursorSecret().getBytes(StandardCharsets.UTF_8)), registry,
                    Endpoints.all(database.queries(), feeds, readiness, registry));
            LOG.info("query API listening on {}:{} ({})", config.httpHost(), server.port(), config);
            QueryApi api = new QueryApi(registry, database, watcher, feeds, server);
            started.set(api);
            return api;
        } catch (RuntimeException e) {
            feeds.close();
            watcher.close();
            database.close();
            registry.close();
            throw e;
        }
    }

    /** Stops the API off the thread that found the role unsafe (a request's), then completes the refusal. */
    private static void refuseLater(AtomicReference<QueryApi> started, RoleGuard.UnsafeRoleException refusal) {
        LOG.error(refusal.getMessage());
        Thread stopper = new Thread(() -> {
            QueryApi api = started.get();
            if (api != null) {
                api.stop();
                api.refusal.complete(refusal);
            }
        }, "query-api-refuse");
        stopper.start();
    }

    /** Completes, after the API stopped itself, when its database role was found able to write after start-up. */
    public CompletableFuture<RoleGuard.UnsafeRoleException> refusal() {
        return refusal;
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** Every registered route. */
    public List<ApiServer.Route> routes() {
        return server.routes();
    }

    /**
     * Ends the event streams (clients resume with Last-Event-ID), answers waiting requests with 503, stops the
     * server, then releases the pool. Idempotent.
     */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            feeds.close();
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
