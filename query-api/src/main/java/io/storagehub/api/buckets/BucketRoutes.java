package io.storagehub.api.buckets;

import io.storagehub.api.cursor.ListIdentity;
import io.storagehub.api.http.ChainEndpoint.Query;
import io.storagehub.api.http.ChainRequest;
import io.storagehub.api.http.Found;
import io.storagehub.api.http.Routes;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderListing;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.BucketId;
import java.util.List;

/**
 * Buckets: one bucket, its files (by location, under a prefix, or only the under-replicated ones) and its
 * folder tree. Sub-folders are listed on a tree's first page only, so walking the pages repeats nothing.
 */
public final class BucketRoutes implements Routes.Module {
    private static final String BUCKET = "bucket";
    private final StorageQueries queries;

    public BucketRoutes(StorageQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(Routes routes) {
        routes.chain("/buckets/{bucketId}", this::one);
        routes.chain("/buckets/{bucketId}/files", this::files);
        routes.chain("/buckets/{bucketId}/tree", this::tree);
    }

    private Query one(ChainRequest request) {
        BucketId id = request.id("bucketId", BucketId::of);
        return chain -> Found.orNotFound(queries.bucket(chain.chain(), id), BUCKET, id, chain.chain());
    }

    private Query files(ChainRequest request) {
        BucketId id = request.id("bucketId", BucketId::of);
        String prefix = request.params().prefix();
        boolean underReplicated = request.params().underReplicated();
        ListIdentity list = request.list(id.hex(), "prefix=" + prefix, "underReplicated=" + underReplicated);
        PageRequest page = request.page(list);
        return chain -> {
            Page<FileView> files = queries.bucketFiles(chain.chain(), id, prefix, underReplicated, page);
            if (files.items().isEmpty() && page.after().isEmpty()) {
                requireBucket(chain.chain(), id);
            }
            return request.body(files, list);
        };
    }

    private Query tree(ChainRequest request) {
        BucketId id = request.id("bucketId", BucketId::of);
        String path = request.params().treePath();
        ListIdentity list = request.list(id.hex(), "path=" + path);
        PageRequest page = request.page(list);
        boolean firstPage = page.after().isEmpty();
        return chain -> {
            FolderListing listing = queries.tree(chain.chain(), id, path, page);
            if (firstPage && listing.folders().isEmpty() && listing.files().isEmpty()) {
                requireBucket(chain.chain(), id);
            }
            return new TreeBody(listing.path(), firstPage ? listing.folders() : List.of(), listing.files(),
                    request.nextCursor(listing.nextKey(), list));
        };
    }

    private void requireBucket(String chain, BucketId id) {
        Found.orNotFound(queries.bucket(chain, id), BUCKET, id, chain);
    }
}
