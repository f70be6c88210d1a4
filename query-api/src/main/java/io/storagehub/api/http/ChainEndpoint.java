package io.storagehub.api.http;

import io.storagehub.schema.readmodel.ChainView;

/**
 * An endpoint under {@code /v1/chains/{chain}}. {@link #prepare} validates the request (any problem is a 400
 * before the database is asked anything) and returns the query to run once the chain is known and, with
 * {@code minBlock}, indexed far enough.
 */
@FunctionalInterface
public interface ChainEndpoint {

    Query prepare(ChainRequest request);

    /** Answers the request for a known chain; the result is written as JSON. */
    @FunctionalInterface
    interface Query {
        Object answer(ChainView chain);
    }
}
