package io.storagehub.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.storagehub.api.accounts.AccountRoutes;
import io.storagehub.api.buckets.BucketRoutes;
import io.storagehub.api.chains.ChainRoutes;
import io.storagehub.api.changes.ChangeFeeds;
import io.storagehub.api.changes.ChangeRoutes;
import io.storagehub.api.docs.DocsRoutes;
import io.storagehub.api.files.FileRoutes;
import io.storagehub.api.http.Routes;
import io.storagehub.api.ops.OpsRoutes;
import io.storagehub.api.ops.Readiness;
import io.storagehub.api.payments.PaymentStreamRoutes;
import io.storagehub.api.providers.BspRoutes;
import io.storagehub.api.providers.MspRoutes;
import io.storagehub.projection.StorageQueries;
import java.util.List;

/** Every feature's routes, in the order the API documents them. */
public final class Endpoints {
    private Endpoints() {
    }

    public static List<Routes.Module> all(StorageQueries queries, ChangeFeeds feeds, Readiness readiness,
                                          PrometheusMeterRegistry registry) {
        return List.of(
                new ChainRoutes(queries),
                new MspRoutes(queries),
                new BspRoutes(queries),
                new BucketRoutes(queries),
                new FileRoutes(queries),
                new AccountRoutes(queries),
                new PaymentStreamRoutes(queries),
                new ChangeRoutes(queries, feeds),
                new OpsRoutes(readiness, registry),
                new DocsRoutes());
    }
}
