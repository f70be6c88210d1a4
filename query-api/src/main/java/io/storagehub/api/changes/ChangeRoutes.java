package io.storagehub.api.changes;

import io.storagehub.api.cursor.ListIdentity;
import io.storagehub.api.http.ChainEndpoint.Query;
import io.storagehub.api.http.ChainRequest;
import io.storagehub.api.http.Found;
import io.storagehub.api.http.Later;
import io.storagehub.api.http.ListBody;
import io.storagehub.api.http.RequestParams;
import io.storagehub.api.http.Routes;
import io.storagehub.api.http.Streamed;
import io.storagehub.api.problem.ApiProblem;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.HistoryOrder;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * History and changes (api.md 1.1): the history pages of a file, bucket, MSP and BSP, and {@code GET /changes}
 * as a page (optionally waiting for a change) or, with {@code Accept: text/event-stream}, as a live stream.
 */
public final class ChangeRoutes implements Routes.Module {
    private final StorageQueries queries;
    private final ChangeFeeds feeds;

    public ChangeRoutes(StorageQueries queries, ChangeFeeds feeds) {
        this.queries = queries;
        this.feeds = feeds;
    }

    @Override
    public void register(Routes routes) {
        routes.chain("/files/{fileKey}/history",
                r -> history(r, EntityKind.FILE, "fileKey", FileKey::of, FileKey::hex, "file"));
        routes.chain("/buckets/{bucketId}/history",
                r -> history(r, EntityKind.BUCKET, "bucketId", BucketId::of, BucketId::hex, "bucket"));
        routes.chain("/msps/{mspId}/history",
                r -> history(r, EntityKind.MSP, "mspId", ProviderId::of, ProviderId::hex, "MSP"));
        routes.chain("/bsps/{bspId}/history",
                r -> history(r, EntityKind.BSP, "bspId", ProviderId::of, ProviderId::hex, "BSP"));
        routes.chain("/changes", this::changes);
    }

    private <T> Query history(ChainRequest request, EntityKind kind, String param, Function<String, T> parser,
                              Function<T, String> hex, String what) {
        T id = request.id(param, parser);
        HistoryOrder order = request.params().order();
        ListIdentity list = request.list(hex.apply(id), "order=" + order);
        PageRequest page = request.page(list);
        return chain -> request.body(Found.orNotFound(
                queries.history(chain.chain(), kind, hex.apply(id), order, page), what, id, chain.chain()), list);
    }

    private Query changes(ChainRequest request) {
        RequestParams params = request.params();
        ChangeFilter filter = new ChangeFilter(params.idParam("bucket", BucketId::of),
                params.idParam("file", FileKey::of), params.idParam("msp", ProviderId::of),
                params.idParam("bsp", ProviderId::of), params.idParam("account", AccountId::of));
        ListIdentity list = request.list(
                "bucket=" + filter.bucket().map(BucketId::hex).orElse(""),
                "file=" + filter.file().map(FileKey::hex).orElse(""),
                "msp=" + filter.msp().map(ProviderId::hex).orElse(""),
                "bsp=" + filter.bsp().map(ProviderId::hex).orElse(""),
                "account=" + filter.account().map(AccountId::hex).orElse(""));
        Optional<Position> from = from(request, list);
        if (params.wantsEventStream()) {
            Optional<Position> start = params.lastEventId().or(() -> from);
            return chain -> {
                Runnable release = feeds.reserve();
                EventStream stream = feeds.stream(chain.chain(), filter, start, release);
                return (Streamed) stream::open;
            };
        }
        int limit = params.limit();
        long waitMs = request.waitMs();
        Position after = from.orElse(Position.ORIGIN);
        return chain -> {
            List<ChangeView> items = queries.changes(chain.chain(), filter, after, limit);
            if (!items.isEmpty() || waitMs == 0) {
                return page(request, list, items, after);
            }
            CompletableFuture<Void> changed = feeds.awaitChange(chain.chain(), filter, after,
                    Duration.ofMillis(waitMs));
            // a change read by the feed before this page joined it was committed before: this read sees it
            List<ChangeView> again = queries.changes(chain.chain(), filter, after, limit);
            if (!again.isEmpty()) {
                changed.complete(null);
                return page(request, list, again, after);
            }
            return new Later(changed, later -> page(request, list,
                    queries.changes(later.chain(), filter, after, limit), after));
        };
    }

    /** Where a page starts: after {@code after}, or after a {@code cursor} of the same list; not both. */
    private static Optional<Position> from(ChainRequest request, ListIdentity list) {
        Optional<Position> after = request.params().position("after");
        if (request.params().cursor().isEmpty()) {
            return after;
        }
        if (after.isPresent()) {
            throw ApiProblem.badRequest("after and cursor cannot be combined: give one of them");
        }
        SortKey key = request.page(list).after().orElseThrow();
        try {
            return Optional.of(new Position(Long.parseLong(key.parts().get(0)), Long.parseLong(key.parts().get(1))));
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("cursor is not a cursor of this list");
        }
    }

    /** The page; {@code nextCursor} resumes after its last item, or where it started when it is empty. */
    private static ListBody<ChangeView> page(ChainRequest request, ListIdentity list, List<ChangeView> items,
                                             Position after) {
        Position last = items.isEmpty() ? after : items.get(items.size() - 1).position();
        return new ListBody<>(items, request.nextCursor(
                Optional.of(SortKey.of(Long.toString(last.block()), Long.toString(last.index()))), list));
    }
}
