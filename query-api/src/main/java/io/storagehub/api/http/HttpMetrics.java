package io.storagehub.api.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code http_server_requests_seconds} (a histogram) per method, route template and status: request rate and
 * latency. Paths that match no route share the route tag {@code unmatched}, so clients cannot blow up the
 * number of series. Each series' timer is built once and kept, not looked up in the registry per request; a
 * GET to a registered route finds its timer by status in an array its route holds, without hashing a key.
 * Event streams are timed under their route tag plus {@code " (event stream)"}: their duration is how long the
 * client followed, which would swamp the route's latencies.
 */
final class HttpMetrics {
    static final String NAME = "http.server.requests";
    private static final String ROUTE = "storagehub.route";
    private static final String STREAMED = "storagehub.streamed";
    /** Appended to the route tag of an event stream, whose duration is the stream's life, not a latency. */
    static final String STREAM_SUFFIX = " (event stream)";
    private static final String UNMATCHED = "unmatched";
    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "QUERY");

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    private record Series(String method, String route, int status) {
    }

    /** A route's GET timers by status, filled as statuses occur (the same timers as in the series map). */
    static final class RouteTimers {
        private final String template;
        private final AtomicReferenceArray<Timer> getByStatus =
                new AtomicReferenceArray<>(MAX_STATUS - MIN_STATUS + 1);

        private RouteTimers(String template) {
            this.template = template;
        }
    }

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The timers of a route template, made once when the route is registered. */
    static RouteTimers timers(String template) {
        return new RouteTimers(template);
    }

    /** Marks the request as served by the route (else it is counted as {@code unmatched}). */
    static void route(Context ctx, RouteTimers route) {
        ctx.attribute(ROUTE, route);
    }

    /** Marks the answer as a stream: it is timed apart from the route's requests. */
    static void streamed(Context ctx) {
        ctx.attribute(STREAMED, Boolean.TRUE);
    }

    void record(Context ctx, float millis) {
        timer(ctx).record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private Timer timer(Context ctx) {
        RouteTimers route = ctx.attribute(ROUTE);
        int status = ctx.statusCode();
        if (route != null && ctx.attribute(STREAMED) != null) {
            return series(HandlerType.GET.name(), route.template + STREAM_SUFFIX, status);
        }
        if (route == null || ctx.method() != HandlerType.GET || status < MIN_STATUS || status > MAX_STATUS) {
            return series(method(ctx), route != null ? route.template : UNMATCHED, status);
        }
        Timer timer = route.getByStatus.get(status - MIN_STATUS);
        if (timer == null) {
            timer = series(HandlerType.GET.name(), route.template, status);
            route.getByStatus.set(status - MIN_STATUS, timer);
        }
        return timer;
    }

    private Timer series(String method, String route, int status) {
        return timers.computeIfAbsent(new Series(method, route, status), this::build);
    }

    private static String method(Context ctx) {
        String method = ctx.method().name();
        return METHODS.contains(method) ? method : "OTHER";
    }

    private Timer build(Series series) {
        return Timer.builder(NAME)
                .description("HTTP requests answered, by route template and status")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", Integer.toString(series.status()))
                .publishPercentileHistogram()
                .register(registry);
    }
}
