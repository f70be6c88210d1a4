package io.storagehub.api.accounts;

import io.storagehub.api.cursor.ListIdentity;
import io.storagehub.api.http.ChainEndpoint.Query;
import io.storagehub.api.http.ChainRequest;
import io.storagehub.api.http.Routes;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.AccountId;

/**
 * What an account owns: its buckets and files. An account is not an entity of the read model, so an account
 * that owns nothing answers an empty list, not a 404.
 */
public final class AccountRoutes implements Routes.Module {
    private final StorageQueries queries;

    public AccountRoutes(StorageQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(Routes routes) {
        routes.chain("/accounts/{account}/buckets", this::buckets);
        routes.chain("/accounts/{account}/files", this::files);
    }

    private Query buckets(ChainRequest request) {
        AccountId account = request.id("account", AccountId::of);
        ListIdentity list = request.list(account.hex());
        PageRequest page = request.page(list);
        return chain -> request.body(queries.accountBuckets(chain.chain(), account, page), list);
    }

    private Query files(ChainRequest request) {
        AccountId account = request.id("account", AccountId::of);
        ListIdentity list = request.list(account.hex());
        PageRequest page = request.page(list);
        return chain -> request.body(queries.accountFiles(chain.chain(), account, page), list);
    }
}
