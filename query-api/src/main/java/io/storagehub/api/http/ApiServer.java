package io.storagehub.api.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.storagehub.api.consistency.IndexWatcher;
import io.storagehub.api.consistency.IndexedChains;
import io.storagehub.api.cursor.CursorCodec;
import io.storagehub.api.problem.ServerErrorHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server: Javalin on Jetty, every route registered by the feature modules, errors as problem documents
 * (including Jetty's own protocol errors), request ids and per-route metrics.
 */
public final class ApiServer implements AutoCloseable {

    /**
     * What the server needs from its configuration; {@code dbConnections} and {@code dbWait} are the request
     * pool's size and how long a request may wait for one of its connections.
     */
    public record Settings(String host, int port, long maxWaitMs, int maxThreads, int dbConnections,
                           Duration dbWait) {
    }

    /** A registered route: method and path template. */
    public record Route(String method, String path) {
    }

    private final Javalin app;
    private final List<Route> routes;

    private ApiServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    public static ApiServer start(Settings settings, IndexedChains indexed, IndexWatcher watcher,
                                  CursorCodec cursors, MeterRegistry registry, List<Routes.Module> modules) {
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
        threads.setName("api-http");
        ChainHandlers chains = new ChainHandlers(indexed, watcher, cursors, threads, settings.maxWaitMs(),
                new PoolTurns(settings.dbConnections(), settings.dbWait()));
        HttpMetrics metrics = new HttpMetrics(registry);
        Gauge.builder("storagehub.api.waiting.requests", watcher, IndexWatcher::waiting)
                .description("requests waiting for a chain to reach their minBlock")
                .register(registry);
        Gauge.builder("storagehub.api.index.listener.up", watcher, w -> w.listening() ? 1 : 0)
                .description("1 while the API hears the indexer's notifications, 0 while it polls instead")
                .register(registry);
        List<Route> routes = new ArrayList<>();
        Javalin app = Javalin.create(config -> {
            configure(config, settings, threads, metrics);
            Registrar registrar = new Registrar(config, chains, routes);
            modules.forEach(module -> module.register(registrar));
        });
        app.start();
        return new ApiServer(app, Collections.unmodifiableList(routes));
    }

    private static void configure(JavalinConfig config, Settings settings, QueuedThreadPool threads,
                                  HttpMetrics metrics) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.jetty.threadPool = threads;
        config.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrorHandler()));
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new ServerErrorHandler()));
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            http.setRequestHeaderSize(HeadLimits.READ_BYTES);
        });
        config.routes.before(RequestIds::assign);
        config.routes.before(HeadLimits::check);
        config.routes.exception(Exception.class, Problems::write);
        // replaces Javalin's own mapping of its 404/405 exceptions (plain text) with problem documents
        config.routes.exception(HttpResponseException.class, Problems::write);
        config.router.javaLangErrorHandler(Problems::writeFatal);
        config.requestLogger.http(metrics::record);
    }

    public int port() {
        return app.port();
    }

    /** Every registered route, in registration order. */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }

    private static final class Registrar implements Routes {
        private final JavalinConfig config;
        private final ChainHandlers chains;
        private final List<Route> routes;

        Registrar(JavalinConfig config, ChainHandlers chains, List<Route> routes) {
            this.config = config;
            this.chains = chains;
            this.routes = routes;
        }

        @Override
        public void chain(String path, ChainEndpoint endpoint) {
            String template = CHAIN_PREFIX + path;
            add(template, chains.serve(template, endpoint));
        }

        @Override
        public void global(String path, Handler handler) {
            add(path, handler);
        }

        private void add(String template, Handler handler) {
            routes.add(new Route(HandlerType.GET.name(), template));
            HttpMetrics.RouteTimers timers = HttpMetrics.timers(template);
            config.routes.get(template, ctx -> {
                HttpMetrics.route(ctx, timers);
                handler.handle(ctx);
            });
        }
    }
}
