package io.storagehub.projection.memory;

import io.storagehub.projection.ReadModelExport;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.StorageQueries;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.ChangeKeys;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.HistoryOrder;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderListing;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.Ownership;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** {@link StorageQueries} over an {@link InMemoryStore}; answers exactly as the JDBI adapter does. */
public final class InMemoryQueries implements StorageQueries, ReadModelExport {
    private final InMemoryStore store;

    public InMemoryQueries(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public List<ChainView> chains() {
        return store.read(chains -> chains.entrySet().stream()
                .filter(e -> e.getValue().lastPosition != null)
                .map(e -> chainView(e.getKey(), e.getValue()))
                .toList());
    }

    @Override
    public Optional<ChainView> chain(String chain) {
        return store.read(chains -> Optional.ofNullable(chains.get(chain))
                .filter(t -> t.lastPosition != null)
                .map(t -> chainView(chain, t)));
    }

    private static ChainView chainView(String chain, ChainTables t) {
        return new ChainView(chain, t.lastPosition.block(), t.lastPosition, t.updatedAt);
    }

    @Override
    public Page<MspView> msps(String chain, PageRequest page) {
        return on(chain, t -> Pages.page(t.msps.values().stream(), r -> SortKey.of(r.mspId), Views::msp, page));
    }

    @Override
    public Optional<MspDetail> msp(String chain, ProviderId mspId) {
        return on(chain, t -> Optional.ofNullable(t.msps.get(mspId.hex())).map(r -> new MspDetail(Views.msp(r),
                t.valueProps.values().stream()
                        .filter(vp -> vp.mspId.equals(r.mspId))
                        .sorted(java.util.Comparator.comparing(vp -> vp.valuePropId))
                        .map(Views::valueProp)
                        .toList())));
    }

    @Override
    public Page<BucketView> mspBuckets(String chain, ProviderId mspId, PageRequest page) {
        return on(chain, t -> Pages.page(t.buckets.values().stream()
                        .filter(b -> !b.deleted && mspId.hex().equals(b.mspId)),
                r -> SortKey.of(r.bucketId), Views::bucket, page));
    }

    @Override
    public Page<BspView> bsps(String chain, PageRequest page) {
        return on(chain, t -> Pages.page(t.bsps.values().stream(), r -> SortKey.of(r.bspId), Views::bsp, page));
    }

    @Override
    public Optional<BspView> bsp(String chain, ProviderId bspId) {
        return on(chain, t -> Optional.ofNullable(t.bsps.get(bspId.hex())).map(Views::bsp));
    }

    @Override
    public Page<FileView> bspFiles(String chain, ProviderId bspId, PageRequest page) {
        return on(chain, t -> Pages.page(t.associationsByBsp.getOrDefault(bspId.hex(), new TreeMap<>()).keySet()
                        .stream().map(t.files::get).filter(f -> !f.isDeleted()),
                r -> SortKey.of(r.fileKey), f -> fileView(t, f), page));
    }

    @Override
    public Optional<BucketView> bucket(String chain, BucketId bucketId) {
        return on(chain, t -> Optional.ofNullable(t.buckets.get(bucketId.hex())).map(Views::bucket));
    }

    @Override
    public Page<FileView> bucketFiles(String chain, BucketId bucketId, String prefix, boolean underReplicated,
                                      PageRequest page) {
        return on(chain, t -> Pages.page(t.files.values().stream()
                        .filter(f -> f.bucketId.equals(bucketId.hex()) && !f.isDeleted()
                                && f.location.startsWith(prefix))
                        .filter(f -> !underReplicated || ("stored".equals(f.status) && f.replicas < f.bspsRequired)),
                r -> SortKey.of(r.location, r.fileKey), f -> fileView(t, f), page));
    }

    @Override
    public FolderListing tree(String chain, BucketId bucketId, String path, PageRequest page) {
        return on(chain, t -> Folders.list(t.files.values().stream()
                .filter(f -> f.bucketId.equals(bucketId.hex()) && !f.isDeleted() && f.location.startsWith(path))
                .toList(), path, f -> fileView(t, f), page));
    }

    @Override
    public Optional<FileView> file(String chain, FileKey fileKey) {
        return on(chain, t -> Optional.ofNullable(t.files.get(fileKey.hex())).map(f -> fileView(t, f)));
    }

    @Override
    public Map<FileKey, Ownership> fileOwners(String chain, Collection<FileKey> files) {
        return on(chain, t -> owners(files, k -> t.files.get(k.hex()), f -> new Ownership(AccountId.of(f.owner),
                BucketId.of(f.bucketId))));
    }

    @Override
    public Map<BucketId, Ownership> bucketOwners(String chain, Collection<BucketId> buckets) {
        return on(chain, t -> owners(buckets, id -> t.buckets.get(id.hex()), b -> new Ownership(AccountId.of(b.owner),
                BucketId.of(b.bucketId))));
    }

    /** The ownership of each of {@code ids} whose row {@code row} finds. */
    private static <K, R> Map<K, Ownership> owners(Collection<K> ids, Function<K, R> row,
                                                   Function<R, Ownership> ownership) {
        Map<K, Ownership> owners = new HashMap<>();
        for (K id : ids) {
            R found = row.apply(id);
            if (found != null) {
                owners.put(id, ownership.apply(found));
            }
        }
        return owners;
    }

    @Override
    public Page<BucketView> accountBuckets(String chain, AccountId account, PageRequest page) {
        return on(chain, t -> Pages.page(t.buckets.values().stream()
                        .filter(b -> !b.deleted && b.owner.equals(account.hex())),
                r -> SortKey.of(r.bucketId), Views::bucket, page));
    }

    @Override
    public Page<FileView> accountFiles(String chain, AccountId account, PageRequest page) {
        return on(chain, t -> Pages.page(t.files.values().stream()
                        .filter(f -> !f.isDeleted() && f.owner.equals(account.hex())),
                r -> SortKey.of(r.fileKey), f -> fileView(t, f), page));
    }

    @Override
    public Page<PaymentStreamView> accountPaymentStreams(String chain, AccountId account, PageRequest page) {
        return on(chain, t -> Pages.page(t.streams.values().stream()
                        .filter(s -> s.userAccount.equals(account.hex())),
                (StreamRow r) -> SortKey.of(r.providerId), Views::stream, page));
    }

    @Override
    public Page<PaymentStreamView> providerPaymentStreams(String chain, ProviderId providerId, PageRequest page) {
        return on(chain, t -> Pages.page(t.streams.values().stream()
                        .filter(s -> s.providerId.equals(providerId.hex())),
                (StreamRow r) -> SortKey.of(r.userAccount), Views::stream, page));
    }

    /** The chain's changes with the keys they are found by, in position order (as the JDBI adapter stores them). */
    public List<RecordedChange> recordedChanges(String chain) {
        return on(chain, t -> List.copyOf(t.changes));
    }

    @Override
    public ReadModelSnapshot snapshot(String chain) {
        return on(chain, t -> new ReadModelSnapshot(chain, t.lastPosition,
                t.msps.keySet().stream().map(id -> msp(chain, ProviderId.of(id)).orElseThrow()).toList(),
                t.bsps.values().stream().map(Views::bsp).toList(),
                t.buckets.values().stream().map(Views::bucket).toList(),
                t.files.values().stream().map(f -> fileView(t, f)).toList(),
                t.streams.values().stream()
                        .sorted(java.util.Comparator.comparing((StreamRow s) -> s.userAccount)
                                .thenComparing(s -> s.providerId))
                        .map(Views::stream).toList()));
    }

    private static FileView fileView(ChainTables t, FileRow f) {
        BucketRow bucket = t.buckets.get(f.bucketId);
        List<String> bsps = List.copyOf(t.associationsByFile.getOrDefault(f.fileKey, new TreeMap<>()).keySet());
        return Views.file(f, bucket == null ? null : bucket.mspId, bsps);
    }

    private <T> T on(String chain, Function<ChainTables, T> query) {
        return store.read((Map<String, ChainTables> chains) -> query.apply(
                chains.getOrDefault(chain, new ChainTables())));
    }

    @Override
    public Optional<Page<ChangeView>> history(String chain, EntityKind kind, String id, HistoryOrder order,
                                              PageRequest page) {
        String key = ChangeKeys.history(kind, id);
        Position after = ChangeKeys.after(page, order);
        return on(chain, t -> {
            boolean exists = switch (kind) {
                case MSP -> t.msps.containsKey(id);
                case BSP -> t.bsps.containsKey(id);
                case BUCKET -> t.buckets.containsKey(id);
                case FILE -> t.files.containsKey(id);
                default -> throw new IllegalArgumentException(kind.apiName() + " has no history");
            };
            if (!exists) {
                return Optional.empty();
            }
            List<Integer> indexes = t.changesByKey.getOrDefault(key, List.of());
            List<ChangeView> chosen = new ArrayList<>(page.limit() + 1);
            if (order == HistoryOrder.ASC) {
                for (int i = firstAfter(t, indexes, after); i < indexes.size() && chosen.size() <= page.limit(); i++) {
                    chosen.add(t.changes.get(indexes.get(i)).view());
                }
            } else {
                for (int i = firstAfter(t, indexes, new Position(after.block(), after.index() - 1)) - 1;
                     i >= 0 && chosen.size() <= page.limit(); i--) {
                    chosen.add(t.changes.get(indexes.get(i)).view());
                }
            }
            if (chosen.size() <= page.limit()) {
                return Optional.of(new Page<>(chosen, Optional.empty()));
            }
            List<ChangeView> items = chosen.subList(0, page.limit());
            return Optional.of(new Page<>(items,
                    Optional.of(ChangeKeys.sortKey(items.get(items.size() - 1).position()))));
        });
    }

    @Override
    public List<ChangeView> changes(String chain, ChangeFilter filter, Position after, int limit) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + PageRequest.MAX_LIMIT + ", got " + limit);
        }
        List<String> keys = ChangeKeys.of(filter);
        return on(chain, t -> {
            List<ChangeView> result = new ArrayList<>(Math.min(limit, 64));
            if (keys.isEmpty()) {
                int from = firstAfter(t.changes.size(), i -> t.changes.get(i).view().position(), after);
                for (int i = from; i < t.changes.size() && result.size() < limit; i++) {
                    result.add(t.changes.get(i).view());
                }
                return result;
            }
            List<Integer> indexes = t.changesByKey.getOrDefault(keys.get(0), List.of());
            for (int i = firstAfter(t, indexes, after); i < indexes.size() && result.size() < limit; i++) {
                RecordedChange change = t.changes.get(indexes.get(i));
                if (change.keys().containsAll(keys)) {
                    result.add(change.view());
                }
            }
            return result;
        });
    }

    /** The first of {@code indexes} (into the chain's changes) whose change is after {@code after}. */
    private static int firstAfter(ChainTables t, List<Integer> indexes, Position after) {
        return firstAfter(indexes.size(), i -> t.changes.get(indexes.get(i)).view().position(), after);
    }

    private static int firstAfter(int size, java.util.function.IntFunction<Position> at, Position after) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (at.apply(mid).isAfter(after)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
