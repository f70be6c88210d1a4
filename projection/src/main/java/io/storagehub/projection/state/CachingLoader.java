package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link StateLoader} for one transaction over a {@link RowCache}: rows of a chain cached at the position this
 * transaction locked the chain at are answered from the cache (as copies), every other key is read from storage
 * and remembered for {@link RowCache#publish}. Associations of a BSP and digests always come from storage.
 */
public final class CachingLoader implements StateLoader {
    private final RowCache cache;
    private final StateLoader storage;
    private final Map<String, Optional<Position>> locked = new LinkedHashMap<>();
    private final Map<String, RowCache.ChainRows> read = new HashMap<>();

    CachingLoader(RowCache cache, StateLoader storage) {
        this.cache = cache;
        this.storage = storage;
    }

    @Override
    public Optional<Position> lockChain(String chain) {
        Optional<Position> position = storage.lockChain(chain);
        locked.put(chain, position);
        return position;
    }

    @Override
    public Map<Position, Long> digests(String chain, Collection<Position> positions) {
        return storage.digests(chain, positions);
    }

    @Override
    public Map<String, MspRow> msps(String chain, Collection<String> mspIds) {
        return rows(chain, mspIds, r -> r.msps, keys -> storage.msps(chain, keys), MspRow::copy);
    }

    @Override
    public Map<String, BspRow> bsps(String chain, Collection<String> bspIds) {
        return rows(chain, bspIds, r -> r.bsps, keys -> storage.bsps(chain, keys), BspRow::copy);
    }

    @Override
    public Map<ValuePropRow.Key, ValuePropRow> valueProps(String chain, Collection<ValuePropRow.Key> keys) {
        return rows(chain, keys, r -> r.valueProps, missing -> storage.valueProps(chain, missing), ValuePropRow::copy);
    }

    @Override
    public Map<String, BucketRow> buckets(String chain, Collection<String> bucketIds) {
        return rows(chain, bucketIds, r -> r.buckets, keys -> storage.buckets(chain, keys), BucketRow::copy);
    }

    @Override
    public Map<String, FileRow> files(String chain, Collection<String> fileKeys) {
        return rows(chain, fileKeys, r -> r.files, keys -> storage.files(chain, keys), FileRow::copy);
    }

    @Override
    public Map<StreamRow.Key, StreamRow> streams(String chain, Collection<StreamRow.Key> keys) {
        return rows(chain, keys, r -> r.streams, missing -> storage.streams(chain, missing), StreamRow::copy);
    }

    @Override
    public List<FileBspRow> associationsOfFiles(String chain, Collection<String> fileKeys) {
        Map<String, Map<String, FileBspRow>> sets = rows(chain, fileKeys, r -> r.associationsByFile, missing -> {
            Map<String, Map<String, FileBspRow>> loaded = new HashMap<>();
            missing.forEach(k -> loaded.put(k, new HashMap<>()));
            storage.associationsOfFiles(chain, missing).forEach(a -> loaded.get(a.fileKey()).put(a.bspId(), a));
            return loaded;
        }, HashMap::new);
        List<FileBspRow> result = new ArrayList<>();
        sets.values().forEach(set -> result.addAll(set.values()));
        return result;
    }

    @Override
    public List<FileBspRow> associationsOfBsp(String chain, String bspId) {
        return storage.associationsOfBsp(chain, bspId);
    }

    /** The chains this transaction locked, with the position each was at. */
    public Map<String, Optional<Position>> locked() {
        return locked;
    }

    /** What this transaction read from storage for a chain (null values: keys known to be absent). */
    RowCache.ChainRows read(String chain) {
        return read.get(chain);
    }

    private <K, V> Map<K, V> rows(String chain, Collection<K> keys,
                                  Function<RowCache.ChainRows, RowCache.Lru<K, V>> table,
                                  Function<Collection<K>, Map<K, V>> load, UnaryOperator<V> copy) {
        if (cache.rowsPerTable() == 0) {
            return load.apply(keys); // nothing is cached, so nothing is worth remembering
        }
        Map<K, V> result = new HashMap<>();
        List<K> missing = new ArrayList<>();
        synchronized (cache) {
            RowCache.ChainRows cached = locked.containsKey(chain) ? cache.at(chain, locked.get(chain)) : null;
            for (K key : keys) {
                if (cached != null && table.apply(cached).containsKey(key)) {
                    V row = table.apply(cached).get(key);
                    if (row != null) {
                        result.put(key, copy.apply(row));
                    }
                } else {
                    missing.add(key);
                }
            }
        }
        if (missing.isEmpty()) {
            return result;
        }
        Map<K, V> loaded = load.apply(missing);
        RowCache.Lru<K, V> remembered = table.apply(read.computeIfAbsent(chain,
                c -> new RowCache.ChainRows(cache.rowsPerTable())));
        for (K key : missing) {
            V row = loaded.get(key);
            remembered.put(key, row == null ? null : copy.apply(row));
            if (row != null) {
                result.put(key, row);
            }
        }
        return result;
    }
}
