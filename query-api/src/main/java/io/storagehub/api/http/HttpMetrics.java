package io.storagehub.api.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds} (a histogram) per method, route template and status: request rate and
 * latency. Paths that match no route share the route tag {@code unmatched}, so clients cannot blow up the
 * number of series. Each series' timer is built once and kept, not looked up in the registry per request.
 */
final class HttpMetrics {
    static final String NAME = "http.server.requests";
    private static final String ROUTE = "storagehub.route";
    private static final String UNMATCHED = "unmatched";

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "QUERY");

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    private record Series(String method, String route, int status) {
    }

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static void route(Context ctx, String template) {
        ctx.attribute(ROUTE, template);
    }

    private static String method(Context ctx) {
        String method = ctx.method().name();
        return METHODS.contains(method) ? method : "OTHER";
    }

    void record(Context ctx, float millis) {
        String route = ctx.attribute(ROUTE);
        Series series = new Series(method(ctx), route != null ? route : UNMATCHED, ctx.statusCode());
        timers.computeIfAbsent(series, this::timer).record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder(NAME)
                .description("HTTP requests answered, by route template and status")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", Integer.toString(series.status()))
                .publishPercentileHistogram()
                .register(registry);
    }
}
