package io.storagehub.api.http;

import java.util.concurrent.CompletableFuture;

/**
 * An answer that is not ready yet (a {@code /changes} page waiting for a change): once {@code ready} completes,
 * {@code then} runs in its turn at the pool and its result is the answer. The request holds no thread meanwhile.
 */
public record Later(CompletableFuture<?> ready, ChainEndpoint.Query then) {
}
