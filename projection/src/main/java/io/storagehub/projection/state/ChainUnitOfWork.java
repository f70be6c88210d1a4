package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The working set of one chain during one batch: rows read through a {@link StateLoader} (in bulk by
 * {@link #preload}, else one key at a time), changed in place by the applier, and handed back as
 * {@link Changes}. Nothing reaches storage unless the whole batch succeeds.
 */
public final class ChainUnitOfWork {
    private final String chain;
    private final StateLoader loader;
    private final Position startPosition;
    private Position lastPosition;
    private Instant lastBlockTime;
    private final Map<Position, Long> newDigests = new TreeMap<>();

    private final Cache<String, MspRow> msps = new Cache<>();
    private final Cache<String, BspRow> bsps = new Cache<>();
    private final Cache<ValuePropRow.Key, ValuePropRow> valueProps = new Cache<>();
    private final Cache<String, BucketRow> buckets = new Cache<>();
    private final Cache<String, FileRow> files = new Cache<>();
    private final Cache<StreamRow.Key, StreamRow> streams = new Cache<>();
    private final Set<StreamRow.Key> deletedStreams = new LinkedHashSet<>();

    private final Map<String, Map<String, FileBspRow>> associationsByFile = new HashMap<>();
    private final Set<String> bspsFullyLoaded = new HashSet<>();
    private final Map<AssociationKey, FileBspRow> addedAssociations = new LinkedHashMap<>();
    private final Map<AssociationKey, FileBspRow> removedAssociations = new LinkedHashMap<>();

    public ChainUnitOfWork(String chain, StateLoader loader) {
        this.chain = chain;
        this.loader = loader;
        this.startPosition = loader.lockChain(chain).orElse(Position.ORIGIN);
        this.lastPosition = startPosition;
    }

    public String chain() {
        return chain;
    }

    public Position lastPosition() {
        return lastPosition;
    }

    /** The digest recorded for an already consumed position, if known. */
    public Optional<Long> digestAt(Position position) {
        Long inBatch = newDigests.get(position);
        if (inBatch != null) {
            return Optional.of(inBatch);
        }
        if (position.isAfter(startPosition)) {
            return Optional.empty();
        }
        return Optional.ofNullable(loader.digests(chain, List.of(position)).get(position));
    }

    /** Marks a new position, of a block made at {@code blockTime}, as consumed (whatever its outcome). */
    public void consume(Position position, Instant blockTime, long digest) {
        newDigests.put(position, digest);
        lastPosition = position;
        lastBlockTime = blockTime;
    }

    /**
     * Bulk-loads rows the batch will need, and the rows those lead to (the files of a BSP signing off, the buckets
     * of files and their MSPs, the BSPs storing files); anything missed is loaded on demand later.
     */
    public void preload(Prefetch wanted) {
        msps.loadAll(wanted.providers(), ids -> loader.msps(chain, ids));
        bsps.loadAll(wanted.providers(), ids -> loader.bsps(chain, ids));
        valueProps.loadAll(wanted.valueProps(), keys -> loader.valueProps(chain, keys));
        streams.loadAll(wanted.streams(), keys -> loader.streams(chain, keys));
        Set<String> fileKeys = new HashSet<>(wanted.files());
        wanted.filesOfBsps().forEach(bspId -> fileKeys.addAll(filesOfBsp(bspId)));
        files.loadAll(fileKeys, keys -> loader.files(chain, keys));
        Set<String> bucketIds = new HashSet<>(wanted.buckets());
        files.present().forEach(f -> bucketIds.add(f.bucketId));
        buckets.loadAll(bucketIds, ids -> loader.buckets(chain, ids));
        Set<String> bucketMsps = new HashSet<>();
        buckets.present().forEach(b -> {
            if (b.mspId != null) {
                bucketMsps.add(b.mspId);
            }
        });
        msps.loadAll(bucketMsps, ids -> loader.msps(chain, ids));
        loadAssociationsOfFiles(wanted.associationsOfFiles());
        Set<String> storingBsps = new HashSet<>();
        associationsByFile.values().forEach(byBsp -> storingBsps.addAll(byBsp.keySet()));
        bsps.loadAll(storingBsps, ids -> loader.bsps(chain, ids));
    }

    public MspRow msp(String id) {
        return msps.get(id, ids -> loader.msps(chain, ids));
    }

    public BspRow bsp(String id) {
        return bsps.get(id, ids -> loader.bsps(chain, ids));
    }

    public ValuePropRow valueProp(String mspId, String valuePropId) {
        return valueProps.get(new ValuePropRow.Key(mspId, valuePropId), keys -> loader.valueProps(chain, keys));
    }

    public BucketRow bucket(String id) {
        return buckets.get(id, ids -> loader.buckets(chain, ids));
    }

    public FileRow file(String key) {
        return files.get(key, keys -> loader.files(chain, keys));
    }

    public StreamRow stream(String userAccount, String providerId) {
        return streams.get(new StreamRow.Key(userAccount, providerId), keys -> loader.streams(chain, keys));
    }

    public void changed(MspRow row) {
        msps.put(row.mspId, row);
    }

    public void changed(BspRow row) {
        bsps.put(row.bspId, row);
    }

    public void changed(ValuePropRow row) {
        valueProps.put(row.key(), row);
    }

    public void changed(BucketRow row) {
        buckets.put(row.bucketId, row);
    }

    public void changed(FileRow row) {
        files.put(row.fileKey, row);
    }

    public void changed(StreamRow row) {
        deletedStreams.remove(row.key());
        streams.put(row.key(), row);
    }

    public void delete(StreamRow row) {
        streams.remove(row.key());
        deletedStreams.add(row.key());
    }

    /** The BSPs currently storing a file, by BSP id. */
    public Map<String, FileBspRow> associationsOfFile(String fileKey) {
        loadAssociationsOfFiles(List.of(fileKey));
        return Map.copyOf(associationsByFile.get(fileKey));
    }

    /** The files a BSP currently stores. */
    public List<String> filesOfBsp(String bspId) {
        if (bspsFullyLoaded.add(bspId)) {
            List<String> stored = loader.associationsOfBsp(chain, bspId).stream().map(FileBspRow::fileKey).toList();
            loadAssociationsOfFiles(stored);
        }
        List<String> result = new ArrayList<>();
        associationsByFile.forEach((fileKey, byBsp) -> {
            if (byBsp.containsKey(bspId)) {
                result.add(fileKey);
            }
        });
        result.sort(null);
        return result;
    }

    public void addAssociation(FileBspRow row) {
        loadAssociationsOfFiles(List.of(row.fileKey()));
        associationsByFile.get(row.fileKey()).put(row.bspId(), row);
        addedAssociations.put(new AssociationKey(row.bspId(), row.fileKey()), row);
    }

    public void removeAssociation(FileBspRow row) {
        loadAssociationsOfFiles(List.of(row.fileKey()));
        associationsByFile.get(row.fileKey()).remove(row.bspId());
        AssociationKey key = new AssociationKey(row.bspId(), row.fileKey());
        addedAssociations.remove(key);
        removedAssociations.put(key, row);
    }

    public Changes changes() {
        return new Changes(chain, msps.dirtyRows(), bsps.dirtyRows(), valueProps.dirtyRows(), buckets.dirtyRows(),
                files.dirtyRows(), streams.dirtyRows(), List.copyOf(deletedStreams),
                List.copyOf(addedAssociations.values()), List.copyOf(removedAssociations.values()),
                newDigests.isEmpty() ? null : lastPosition, newDigests.isEmpty() ? null : lastBlockTime,
                newDigests.entrySet().stream().map(e -> new Changes.Digest(e.getKey(), e.getValue())).toList());
    }

    private void loadAssociationsOfFiles(Collection<String> fileKeys) {
        List<String> missing = fileKeys.stream().filter(k -> !associationsByFile.containsKey(k)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(k -> associationsByFile.put(k, new HashMap<>()));
        for (FileBspRow row : loader.associationsOfFiles(chain, missing)) {
            associationsByFile.get(row.fileKey()).put(row.bspId(), row);
        }
    }

    private record AssociationKey(String bspId, String fileKey) {
    }

    /** Rows by key, remembering keys known to be absent and which rows changed. */
    private static final class Cache<K, V> {
        private final Map<K, V> rows = new HashMap<>();
        private final Set<K> known = new HashSet<>();
        private final Set<K> dirty = new LinkedHashSet<>();

        V get(K key, Function<Collection<K>, Map<K, V>> load) {
            if (!known.contains(key)) {
                loadAll(List.of(key), load);
            }
            return rows.get(key);
        }

        void loadAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> load) {
            List<K> missing = keys.stream().filter(k -> !known.contains(k)).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            Map<K, V> loaded = load.apply(missing);
            known.addAll(missing);
            rows.putAll(loaded);
        }

        void put(K key, V row) {
            known.add(key);
            rows.put(key, row);
            dirty.add(key);
        }

        void remove(K key) {
            known.add(key);
            rows.remove(key);
            dirty.remove(key);
        }

        Collection<V> present() {
            return rows.values();
        }

        List<V> dirtyRows() {
            List<V> result = new ArrayList<>(dirty.size());
            for (K key : dirty) {
                V row = rows.get(key);
                if (row != null) {
                    result.add(row);
                }
            }
            return result;
        }
    }
}
