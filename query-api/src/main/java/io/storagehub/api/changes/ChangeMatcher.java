package io.storagehub.api.changes;

import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides in memory whether a change passes a {@code /changes} filter, as the storage's own filter does
 * ({@link ChangeFilter}). A file's bucket and owner and a bucket's owner never change, so the few lookups the
 * {@code bucket} and {@code account} filters need are cached (bounded, least recently used first out); a payment
 * stream's user is the first part of its id.
 */
final class ChangeMatcher {
    private static final int CACHE_ENTRIES = 100_000;

    private final StorageQueries queries;
    private final Map<String, Owned> owners = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Owned> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /** Who owns a bucket or a file, and the file's bucket (the bucket's own id for a bucket). */
    private record Owned(String owner, String bucket) {
    }

    ChangeMatcher(StorageQueries queries) {
        this.queries = queries;
    }

    boolean matches(String chain, ChangeFilter filter, ChangeView change) {
        if (filter.isEmpty()) {
            return true;
        }
        return filter.file().map(f -> has(change, EntityKind.FILE, f.hex())).orElse(true)
                && filter.msp().map(m -> has(change, EntityKind.MSP, m.hex())).orElse(true)
                && filter.bsp().map(b -> has(change, EntityKind.BSP, b.hex())).orElse(true)
                && filter.bucket().map(b -> inBucket(chain, change, b.hex())).orElse(true)
                && filter.account().map(a -> ownedBy(chain, change, a.hex())).orElse(true);
    }

    private static boolean has(ChangeView change, EntityKind kind, String id) {
        return change.entities().stream().anyMatch(e -> e.kind() == kind && e.id().equals(id));
    }

    private boolean inBucket(String chain, ChangeView change, String bucket) {
        for (ChangedEntity e : change.entities()) {
            if (e.kind() == EntityKind.BUCKET && e.id().equals(bucket)) {
                return true;
            }
            if (e.kind() == EntityKind.FILE && owned(chain, e).map(o -> o.bucket().equals(bucket)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private boolean ownedBy(String chain, ChangeView change, String account) {
        for (ChangedEntity e : change.entities()) {
            if (e.kind() == EntityKind.PAYMENT_STREAM && e.id().startsWith(account + ":")) {
                return true;
            }
            if ((e.kind() == EntityKind.BUCKET || e.kind() == EntityKind.FILE)
                    && owned(chain, e).map(o -> o.owner().equals(account)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private synchronized Optional<Owned> owned(String chain, ChangedEntity entity) {
        String key = chain + '/' + entity.kind().apiName() + '/' + entity.id();
        Owned cached = owners.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Owned> found = entity.kind() == EntityKind.FILE
                ? queries.file(chain, FileKey.of(entity.id())).map(ChangeMatcher::of)
                : queries.bucket(chain, BucketId.of(entity.id())).map(ChangeMatcher::of);
        found.ifPresent(o -> owners.put(key, o));
        return found;
    }

    private static Owned of(FileView file) {
        return new Owned(file.owner().hex(), file.bucketId().hex());
    }

    private static Owned of(BucketView bucket) {
        return new Owned(bucket.owner().hex(), bucket.bucketId().hex());
    }
}
