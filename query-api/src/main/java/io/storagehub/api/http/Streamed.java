package io.storagehub.api.http;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;

/**
 * An answer the endpoint writes itself, over time (a server-sent event stream): {@link #open} is called once the
 * request is asynchronous and returns a future that completes when the answer has ended.
 */
@FunctionalInterface
public interface Streamed {
    CompletableFuture<?> open(Context ctx);
}
