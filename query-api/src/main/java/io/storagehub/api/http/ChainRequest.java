package io.storagehub.api.http;

import io.storagehub.api.cursor.CursorCodec;
import io.storagehub.api.cursor.ListIdentity;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One request to a chain endpoint: its validated chain name, parameters and the list/cursor helpers. */
public final class ChainRequest {
    private final String route;
    private final String chain;
    private final RequestParams params;
    private final CursorCodec cursors;
    private final long waitMs;

    ChainRequest(String route, String chain, RequestParams params, CursorCodec cursors, long waitMs) {
        this.route = route;
        this.chain = chain;
        this.params = params;
        this.cursors = cursors;
        this.waitMs = waitMs;
    }

    /** The validated {@code waitMs} (0 when absent). */
    public long waitMs() {
        return waitMs;
    }

    public String chain() {
        return chain;
    }

    public RequestParams params() {
        return params;
    }

    public <T> T id(String name, Function<String, T> parser) {
        return params.id(name, parser);
    }

    /** The identity of the list this request reads: the route, the chain and the given selecting values. */
    public ListIdentity list(String... selectors) {
        List<String> values = new ArrayList<>();
        values.add(chain);
        values.addAll(List.of(selectors));
        return new ListIdentity(route, values);
    }

    /** The page asked for: {@code limit} and the position after the {@code cursor}, checked against the list. */
    public PageRequest page(ListIdentity list) {
        int limit = params.limit();
        Optional<SortKey> after = params.cursor().map(cursor -> cursors.decode(cursor, list));
        return new PageRequest(limit, after);
    }

    public <T> ListBody<T> body(Page<T> page, ListIdentity list) {
        return new ListBody<>(page.items(), nextCursor(page.nextKey(), list));
    }

    public String nextCursor(Optional<SortKey> nextKey, ListIdentity list) {
        return nextKey.map(key -> cursors.encode(key, list)).orElse(null);
    }
}
