package io.storagehub.api.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.storagehub.api.http.Json;
import io.storagehub.api.http.Routes;
import io.storagehub.api.problem.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** Operations endpoints: {@code /health}, {@code /ready}, {@code /metrics} and {@code /openapi.json}. */
public final class OpsRoutes implements Routes.Module {
    static final String OPENAPI_RESOURCE = "openapi.json";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final long NOT_READY_RETRY_AFTER_SECONDS = 5;

    private final Readiness readiness;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;

    public OpsRoutes(Readiness readiness, PrometheusMeterRegistry registry) {
        this.readiness = readiness;
        this.registry = registry;
        this.openApi = openApiDocument();
    }

    @Override
    public void register(Routes routes) {
        routes.global("/health", ctx -> Json.write(ctx, Map.of("status", "up")));
        routes.global("/ready", ctx -> {
            Optional<String> reason = readiness.notReadyReason();
            if (reason.isPresent()) {
                throw ApiProblem.notReady(reason.get(), NOT_READY_RETRY_AFTER_SECONDS);
            }
            Json.write(ctx, Map.of("status", "ready"));
        });
        routes.global("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        routes.global("/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(openApi));
    }

    /** The hand-kept OpenAPI 3 document (a resource next to this class). */
    public static byte[] openApiDocument() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
