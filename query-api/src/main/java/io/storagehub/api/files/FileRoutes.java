package io.storagehub.api.files;

import io.storagehub.api.http.ChainEndpoint.Query;
import io.storagehub.api.http.ChainRequest;
import io.storagehub.api.http.Found;
import io.storagehub.api.http.Routes;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.value.FileKey;

/** One file by key, whatever its status (deleted files included). */
public final class FileRoutes implements Routes.Module {
    private final StorageQueries queries;

    public FileRoutes(StorageQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(Routes routes) {
        routes.chain("/files/{fileKey}", this::one);
    }

    private Query one(ChainRequest request) {
        FileKey key = request.id("fileKey", FileKey::of);
        return chain -> Found.orNotFound(queries.file(chain.chain(), key), "file", key, chain.chain());
    }
}
