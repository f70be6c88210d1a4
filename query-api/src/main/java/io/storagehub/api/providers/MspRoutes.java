package io.storagehub.api.providers;

import io.storagehub.api.cursor.ListIdentity;
import io.storagehub.api.http.ChainEndpoint.Query;
import io.storagehub.api.http.ChainRequest;
import io.storagehub.api.http.Found;
import io.storagehub.api.http.Routes;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.ProviderId;

/** MSPs: the list, one MSP with its value propositions, and the buckets it stores. */
public final class MspRoutes implements Routes.Module {
    private static final String MSP = "MSP";
    private final StorageQueries queries;

    public MspRoutes(StorageQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(Routes routes) {
        routes.chain("/msps", this::list);
        routes.chain("/msps/{mspId}", this::one);
        routes.chain("/msps/{mspId}/buckets", this::buckets);
    }

    private Query list(ChainRequest request) {
        ListIdentity list = request.list();
        PageRequest page = request.page(list);
        return chain -> request.body(queries.msps(chain.chain(), page), list);
    }

    private Query one(ChainRequest request) {
        ProviderId id = request.id("mspId", ProviderId::of);
        return chain -> Found.orNotFound(queries.msp(chain.chain(), id), MSP, id, chain.chain());
    }

    private Query buckets(ChainRequest request) {
        ProviderId id = request.id("mspId", ProviderId::of);
        ListIdentity list = request.list(id.hex());
        PageRequest page = request.page(list);
        return chain -> {
            Page<BucketView> buckets = queries.mspBuckets(chain.chain(), id, page);
            if (buckets.items().isEmpty() && page.after().isEmpty() && queries.msp(chain.chain(), id).isEmpty()) {
                throw Found.notFound(MSP, id, chain.chain());
            }
            return request.body(buckets, list);
        };
    }
}
