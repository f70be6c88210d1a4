package io.storagehub.api.chains;

import io.storagehub.api.http.Json;
import io.storagehub.api.http.ListBody;
import io.storagehub.api.http.Routes;
import io.storagehub.projection.StorageQueries;

/** {@code GET /v1/chains}: every chain known to the index with its last indexed block (one page, no cursor). */
public final class ChainRoutes implements Routes.Module {
    private final StorageQueries queries;

    public ChainRoutes(StorageQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(Routes routes) {
        routes.global("/v1/chains", ctx -> Json.write(ctx, new ListBody<>(queries.chains(), null)));
    }
}
