package io.storagehub.api.docs;

import io.javalin.http.Context;
import io.storagehub.api.http.Routes;
import io.storagehub.api.problem.ApiProblem;
import java.util.Map;

/**
 * {@code GET /docs}: the OpenAPI document, browsable. A page of ours loads Swagger UI's script and styles from
 * its webjar (never a copy in this repository) and points it at {@code /openapi.json}. Only the files the page
 * needs are served; any other {@code /docs/...} is a 404 problem, another method a 405, like every route.
 */
public final class DocsRoutes implements Routes.Module {
    static final String CSS = "text/css; charset=utf-8";
    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    static final String PNG = "image/png";
    private static final String HTML = "text/html; charset=utf-8";
    /** Everything the page loads from its own origin; Swagger UI sets inline styles and draws data: images. */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final byte[] page;
    private final Map<String, DocsAsset> assets;

    public DocsRoutes() {
        this.page = DocsAsset.own("index.html", HTML).body();
        this.assets = Map.of(
                "docs.js", DocsAsset.own("docs.js", JAVASCRIPT),
                "swagger-ui.css", DocsAsset.swaggerUi("swagger-ui.css", CSS),
                "index.css", DocsAsset.swaggerUi("index.css", CSS),
                "swagger-ui-bundle.js", DocsAsset.swaggerUi("swagger-ui-bundle.js", JAVASCRIPT),
                "favicon-32x32.png", DocsAsset.swaggerUi("favicon-32x32.png", PNG),
                "favicon-16x16.png", DocsAsset.swaggerUi("favicon-16x16.png", PNG));
    }

    @Override
    public void register(Routes routes) {
        routes.global("/docs", ctx -> {
            secure(ctx).header("Cache-Control", "no-cache").contentType(HTML).result(page);
        });
        routes.global("/docs/{asset}", ctx -> {
            DocsAsset asset = assets.get(ctx.pathParam("asset"));
            if (asset == null) {
                throw ApiProblem.notFound("no such file of the /docs page");
            }
            secure(ctx).header("Cache-Control", "public, max-age=3600").contentType(asset.contentType())
                    .result(asset.body());
        });
    }

    private static Context secure(Context ctx) {
        return ctx.header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
