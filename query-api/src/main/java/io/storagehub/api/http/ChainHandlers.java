package io.storagehub.api.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.storagehub.api.consistency.IndexWatcher;
import io.storagehub.api.consistency.IndexedChains;
import io.storagehub.api.cursor.CursorCodec;
import io.storagehub.api.problem.ApiProblem;
import io.storagehub.schema.readmodel.ChainView;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

/**
 * Runs chain endpoints: validates the request, resolves the chain from the shared {@link IndexedChains} (404 when
 * unknown), applies the consistency parameters and sets {@code X-Indexed-Block}. A {@code minBlock} above the
 * cached block is checked against the database before the request answers 503 or waits; a request that must
 * wait parks on the shared {@link IndexWatcher} without holding a thread, and resumes on {@code resume} when the
 * block is indexed.
 */
final class ChainHandlers {
    static final String INDEXED_BLOCK = "X-Indexed-Block";

    private final IndexedChains chains;
    private final IndexWatcher watcher;
    private final CursorCodec cursors;
    private final Executor resume;
    private final long maxWaitMs;
    private final PoolTurns pool;

    ChainHandlers(IndexedChains chains, IndexWatcher watcher, CursorCodec cursors, Executor resume,
                  long maxWaitMs, PoolTurns pool) {
        this.chains = chains;
        this.watcher = watcher;
        this.cursors = cursors;
        this.resume = resume;
        this.maxWaitMs = maxWaitMs;
        this.pool = pool;
    }

    Handler serve(String route, ChainEndpoint endpoint) {
        return ctx -> handle(ctx, route, endpoint);
    }

    private void handle(Context ctx, String route, ChainEndpoint endpoint) {
        RequestParams params = RequestParams.of(ctx);
        String chain = params.chain();
        OptionalLong minBlock = params.minBlock();
        long waitMs = params.waitMs(maxWaitMs);
        ChainEndpoint.Query query = endpoint.prepare(new ChainRequest(route, chain, params, cursors));
        ChainView view = known(chain, chains.current(chain));
        if (minBlock.isPresent() && view.lastIndexedBlock() < minBlock.getAsLong()) {
            view = known(chain, chains.reread(chain));
        }
        ctx.header(INDEXED_BLOCK, Long.toString(view.lastIndexedBlock()));
        if (minBlock.isEmpty() || view.lastIndexedBlock() >= minBlock.getAsLong()) {
            answer(ctx, view, query);
            return;
        }
        if (waitMs == 0) {
            throw ApiProblem.indexBehind("chain " + chain + " is indexed up to block " + view.lastIndexedBlock()
                    + ", not yet " + minBlock.getAsLong(), 1);
        }
        ctx.future(() -> watcher.awaitBlock(chain, minBlock.getAsLong(), Duration.ofMillis(waitMs))
                .thenAcceptAsync(reached -> answer(ctx, reached, query), resume));
    }

    private static ChainView known(String chain, Optional<ChainView> view) {
        return view.orElseThrow(() -> ApiProblem.notFound("chain " + chain + " is not indexed"));
    }

    /** Runs the query in its turn at the pool; the answer is written after its connection went back. */
    private void answer(Context ctx, ChainView view, ChainEndpoint.Query query) {
        ctx.header(INDEXED_BLOCK, Long.toString(view.lastIndexedBlock()));
        Json.write(ctx, pool.run(() -> query.answer(view)));
    }
}
