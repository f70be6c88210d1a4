package io.storagehub.projection.memory;

import io.storagehub.projection.contract.ChangeContract;

/** The whole projection contract against the in-memory adapter. */
class InMemoryProjectionTest extends ChangeContract {

    @Override
    protected Adapter newAdapter() {
        InMemoryStore store = new InMemoryStore();
        InMemoryQueries queries = new InMemoryQueries(store);
        return new Adapter(new InMemoryProjection(store), queries, queries, () -> { });
    }
}
