package io.storagehub.api.providers;

import io.storagehub.api.cursor.ListIdentity;
import io.storagehub.api.http.ChainEndpoint.Query;
import io.storagehub.api.http.ChainRequest;
import io.storagehub.api.http.Found;
import io.storagehub.api.http.Routes;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.ProviderId;

/** BSPs: the list, one BSP, and the files it stores. */
public final class BspRoutes implements Routes.Module {
    private static final String BSP = "BSP";
    private final StorageQueries queries;

    public BspRoutes(StorageQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(Routes routes) {
        routes.chain("/bsps", this::list);
        routes.chain("/bsps/{bspId}", this::one);
        routes.chain("/bsps/{bspId}/files", this::files);
    }

    private Query list(ChainRequest request) {
        ListIdentity list = request.list();
        PageRequest page = request.page(list);
        return chain -> request.body(queries.bsps(chain.chain(), page), list);
    }

    private Query one(ChainRequest request) {
        ProviderId id = request.id("bspId", ProviderId::of);
        return chain -> Found.orNotFound(queries.bsp(chain.chain(), id), BSP, id, chain.chain());
    }

    private Query files(ChainRequest request) {
        ProviderId id = request.id("bspId", ProviderId::of);
        ListIdentity list = request.list(id.hex());
        PageRequest page = request.page(list);
        return chain -> {
            Page<FileView> files = queries.bspFiles(chain.chain(), id, page);
            if (files.items().isEmpty() && page.after().isEmpty() && queries.bsp(chain.chain(), id).isEmpty()) {
                throw Found.notFound(BSP, id, chain.chain());
            }
            return request.body(files, list);
        };
    }
}
