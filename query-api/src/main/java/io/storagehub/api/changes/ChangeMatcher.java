package io.storagehub.api.changes;

import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.Ownership;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides in memory whether a change passes a {@code /changes} filter, as the storage's own filter does
 * ({@link ChangeFilter}). A file's bucket and owner and a bucket's owner never change, so the few lookups the
 * {@code bucket} and {@code account} filters need are cached (bounded, least recently used first out), and a feed
 * looks up those of a whole batch of changes in one read per kind ({@link #lookUpOwners}); a payment stream's user
 * is the first part of its id.
 */
final class ChangeMatcher {
    private static final int CACHE_ENTRIES = 100_000;

    private final StorageQueries queries;
    private final Map<String, Ownership> owners = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ownership> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    ChangeMatcher(StorageQueries queries) {
        this.queries = queries;
    }

    boolean matches(String chain, ChangeFilter filter, ChangeView change) {
        return filter.isEmpty() || matches(filter, found(chain, change));
    }

    /** What {@code change} is found by, to test it against many filters; its owners are looked up when needed. */
    Found found(String chain, ChangeView change) {
        return new Found(chain, change);
    }

    /** Whether evaluating {@code filter} needs the owners of the buckets and files a change touched. */
    static boolean needsOwners(ChangeFilter filter) {
        return filter.bucket().isPresent() || filter.account().isPresent();
    }

    /**
     * Reads the owners of the buckets and files {@code changes} touched that are not cached yet, in one read per
     * kind, so that evaluating the filters of a whole batch costs at most two reads instead of one per new file.
     */
    void lookUpOwners(String chain, List<ChangeView> changes) {
        Set<FileKey> files = new LinkedHashSet<>();
        Set<BucketId> buckets = new LinkedHashSet<>();
        synchronized (this) {
            for (ChangeView change : changes) {
                for (ChangedEntity e : change.entities()) {
                    if (e.kind() == EntityKind.FILE && !owners.containsKey(key(chain, e))) {
                        files.add(FileKey.of(e.id()));
                    } else if (e.kind() == EntityKind.BUCKET && !owners.containsKey(key(chain, e))) {
                        buckets.add(BucketId.of(e.id()));
                    }
                }
            }
        }
        Map<FileKey, Ownership> fileOwners = files.isEmpty() ? Map.of() : queries.fileOwners(chain, files);
        Map<BucketId, Ownership> bucketOwners = buckets.isEmpty() ? Map.of() : queries.bucketOwners(chain, buckets);
        synchronized (this) {
            fileOwners.forEach((file, o) -> owners.put(key(chain, EntityKind.FILE, file.hex()), o));
            bucketOwners.forEach((bucket, o) -> owners.put(key(chain, EntityKind.BUCKET, bucket.hex()), o));
        }
    }

    boolean matches(ChangeFilter filter, Found found) {
        if (filter.isEmpty()) {
            return true;
        }
        return filter.file().map(f -> found.has(EntityKind.FILE, f.hex())).orElse(true)
                && filter.msp().map(m -> found.has(EntityKind.MSP, m.hex())).orElse(true)
                && filter.bsp().map(b -> found.has(EntityKind.BSP, b.hex())).orElse(true)
                && filter.bucket().map(b -> found.buckets().contains(b.hex())).orElse(true)
                && filter.account().map(a -> found.accounts().contains(a.hex())).orElse(true);
    }

    /**
     * One change as the filters see it: its entities, and, looked up once on first need however many filters ask,
     * the buckets it is in (a bucket it touched, the bucket of a file it touched) and the accounts it concerns (the
     * owner of a bucket or file it touched, the user of a payment stream it touched). Used by one thread.
     */
    final class Found {
        private final String chain;
        private final ChangeView change;
        private Set<String> buckets;
        private Set<String> accounts;

        private Found(String chain, ChangeView change) {
            this.chain = chain;
            this.change = change;
        }

        boolean has(EntityKind kind, String id) {
            for (ChangedEntity e : change.entities()) {
                if (e.kind() == kind && e.id().equals(id)) {
                    return true;
                }
            }
            return false;
        }

        Set<String> buckets() {
            if (buckets == null) {
                buckets = new HashSet<>(4);
                for (ChangedEntity e : change.entities()) {
                    if (e.kind() == EntityKind.BUCKET) {
                        buckets.add(e.id());
                    } else if (e.kind() == EntityKind.FILE) {
                        owned(chain, e).ifPresent(o -> buckets.add(o.bucket().hex()));
                    }
                }
            }
            return buckets;
        }

        Set<String> accounts() {
            if (accounts == null) {
                accounts = new HashSet<>(4);
                for (ChangedEntity e : change.entities()) {
                    if (e.kind() == EntityKind.PAYMENT_STREAM) {
                        int colon = e.id().indexOf(':');
                        if (colon > 0) {
                            accounts.add(e.id().substring(0, colon));
                        }
                    } else if (e.kind() == EntityKind.BUCKET || e.kind() == EntityKind.FILE) {
                        owned(chain, e).ifPresent(o -> accounts.add(o.owner().hex()));
                    }
                }
            }
            return accounts;
        }
    }

    private synchronized Optional<Ownership> owned(String chain, ChangedEntity entity) {
        String key = key(chain, entity);
        Ownership cached = owners.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Ownership found;
        if (entity.kind() == EntityKind.FILE) {
            FileKey file = FileKey.of(entity.id());
            found = queries.fileOwners(chain, List.of(file)).get(file);
        } else {
            BucketId bucket = BucketId.of(entity.id());
            found = queries.bucketOwners(chain, List.of(bucket)).get(bucket);
        }
        if (found != null) {
            owners.put(key, found);
        }
        return Optional.ofNullable(found);
    }

    private static String key(String chain, ChangedEntity entity) {
        return key(chain, entity.kind(), entity.id());
    }

    private static String key(String chain, EntityKind kind, String id) {
        return chain + '/' + kind.apiName() + '/' + id;
    }
}
