package io.storagehub.api.payments;

import io.storagehub.api.cursor.ListIdentity;
import io.storagehub.api.http.ChainEndpoint.Query;
import io.storagehub.api.http.ChainRequest;
import io.storagehub.api.http.Found;
import io.storagehub.api.http.Routes;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.ProviderId;

/**
 * Payment streams, paginated like every list: a user account's (by provider id) and a provider's (by user
 * account). A provider that is neither an MSP nor a BSP and has no streams is a 404.
 */
public final class PaymentStreamRoutes implements Routes.Module {
    private final StorageQueries queries;

    public PaymentStreamRoutes(StorageQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(Routes routes) {
        routes.chain("/accounts/{account}/payment-streams", this::ofAccount);
        routes.chain("/providers/{providerId}/payment-streams", this::ofProvider);
    }

    private Query ofAccount(ChainRequest request) {
        AccountId account = request.id("account", AccountId::of);
        ListIdentity list = request.list(account.hex());
        PageRequest page = request.page(list);
        return chain -> request.body(queries.accountPaymentStreams(chain.chain(), account, page), list);
    }

    private Query ofProvider(ChainRequest request) {
        ProviderId id = request.id("providerId", ProviderId::of);
        ListIdentity list = request.list(id.hex());
        PageRequest page = request.page(list);
        return chain -> {
            Page<PaymentStreamView> streams = queries.providerPaymentStreams(chain.chain(), id, page);
            if (streams.items().isEmpty() && page.after().isEmpty()
                    && queries.msp(chain.chain(), id).isEmpty() && queries.bsp(chain.chain(), id).isEmpty()) {
                throw Found.notFound("provider", id, chain.chain());
            }
            return request.body(streams, list);
        };
    }
}
