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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Runs chain endpoints: validates the request, resolves the chain from the shared {@link IndexedChains} (404 when
 * unknown), applies the consistency parameters and sets {@code X-Indexed-Block}. A {@code minBlock} above the
 * cached block is checked against the database before the request answers 503 or waits; a request that must
 * wait parks on the shared {@link IndexWatcher} without holding a thread, and resumes on {@code resume} when the
 * block is indexed. An endpoint may answer {@link Later} (written once ready, without holding a thread) or
 * {@link Streamed} (written by the endpoint over time, on the request made asynchronous).
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
        ChainEndpoint.Query query = endpoint.prepare(new ChainRequest(route, chain, params, cursors, waitMs));
        ChainView view = known(chain, chains.current(chain));
        if (minBlock.isPresent() && view.lastIndexedBlock() < minBlock.getAsLong()) {
            view = known(chain, chains.reread(chain));
        }
        ctx.header(INDEXED_BLOCK, Long.toString(view.lastIndexedBlock()));
        if (minBlock.isEmpty() || view.lastIndexedBlock() >= minBlock.getAsLong()) {
            Object body = run(ctx, view, query, arrival(ctx));
            if (body instanceof Later || body instanceof Streamed) {
                ChainView known = view;
                ctx.future(() -> finish(ctx, known, body));
            } else {
                Json.write(ctx, body);
            }
            return;
        }
        if (waitMs == 0) {
            throw ApiProblem.indexBehind("chain " + chain + " is indexed up to block " + view.lastIndexedBlock()
                    + ", not yet " + minBlock.getAsLong(), 1);
        }
        ctx.future(() -> watcher.awaitBlock(chain, minBlock.getAsLong(), Duration.ofMillis(waitMs))
                .thenComposeAsync(reached -> finish(ctx, reached, run(ctx, reached, query, System.nanoTime())),
                        resume));
    }

    private static ChainView known(String chain, Optional<ChainView> view) {
        return view.orElseThrow(() -> ApiProblem.notFound("chain " + chain + " is not indexed"));
    }

    /**
     * Runs the query in its turn at the pool, waiting since {@code waitingSinceNanos}; the answer is written after
     * its connection went back.
     */
    private Object run(Context ctx, ChainView view, ChainEndpoint.Query query, long waitingSinceNanos) {
        ctx.header(INDEXED_BLOCK, Long.toString(view.lastIndexedBlock()));
        return pool.run(() -> query.answer(view), waitingSinceNanos);
    }

    /**
     * When the request was ready to be handled ({@link System#nanoTime()}): its headers had all arrived (a slow
     * client's trickling is not waiting); its wait for a thread from then on counts as waiting.
     */
    private static long arrival(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request != null ? request.getHeadersNanoTime() : System.nanoTime();
    }

    /** Writes a ready answer, runs a {@link Later} one once it is ready, or opens a {@link Streamed} one. */
    private CompletableFuture<?> finish(Context ctx, ChainView view, Object body) {
        if (body instanceof Later later) {
            return later.ready().thenComposeAsync(ready -> {
                ChainView now = chains.current(view.chain()).orElse(view);
                return finish(ctx, now, run(ctx, now, later.then(), System.nanoTime()));
            }, resume);
        }
        if (body instanceof Streamed streamed) {
            HttpMetrics.streamed(ctx);
            return streamed.open(ctx);
        }
        Json.write(ctx, body);
        return CompletableFuture.completedFuture(null);
    }
}
