package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The changes of batches applied but not yet committed, oldest first: a batch applied while the ones before it
 * are still being written reads storage through {@link #over}, which answers every key those batches wrote with
 * the row they wrote, and storage for the rest. Storage may commit a pending batch at any moment during such a
 * read; the answers are the same either way, since a batch is {@linkplain #remove removed} only once its commit is
 * visible, the keys it wrote are answered from here until then, and its association and digest writes are
 * re-applied over what storage returns (doing so twice changes nothing). Thread-safe: batches are added by the
 * thread that applies them and removed by the one that commits them.
 */
public final class PendingChanges {
    private final List<Layer> layers = new ArrayList<>();

    /** Adds an applied batch's changes (one per chain) as the newest layer; returns it for {@link #remove}. */
    public Object add(List<Changes> changes) {
        Layer layer = new Layer(changes);
        synchronized (this) {
            layers.add(layer);
        }
        return layer;
    }

    /** Drops a layer once its batch's commit is visible in storage. */
    public synchronized void remove(Object layer) {
        layers.remove(layer);
    }

    /** Drops every layer (their batches will not be committed). */
    public synchronized void clear() {
        layers.clear();
    }

    public synchronized boolean isEmpty() {
        return layers.isEmpty();
    }

    /**
     * A loader answering from the pending batches over {@code storage}. Its {@link StateLoader#lockChain} takes no
     * lock: it answers the position the newest pending batch left the chain at, else storage's.
     */
    public StateLoader over(StateLoader storage) {
        return new Overlay(storage);
    }

    /** The layers' changes of one chain, oldest first. */
    private synchronized List<ChainLayer> of(String chain) {
        List<ChainLayer> result = new ArrayList<>(layers.size());
        for (Layer layer : layers) {
            ChainLayer c = layer.chains.get(chain);
            if (c != null) {
                result.add(c);
            }
        }
        return result;
    }

    private static final class Layer {
        final Map<String, ChainLayer> chains = new HashMap<>();

        Layer(List<Changes> changes) {
            changes.forEach(c -> chains.put(c.chain(), new ChainLayer(c)));
        }
    }

    /** One batch's writes of one chain, by key; a null value is a deletion. */
    private static final class ChainLayer {
        final Changes changes;
        final Map<String, MspRow> msps = new HashMap<>();
        final Map<String, BspRow> bsps = new HashMap<>();
        final Map<ValuePropRow.Key, ValuePropRow> valueProps = new HashMap<>();
        final Map<String, BucketRow> buckets = new HashMap<>();
        final Map<String, FileRow> files = new HashMap<>();
        final Map<StreamRow.Key, StreamRow> streams = new HashMap<>();
        final Map<Position, Long> digests = new HashMap<>();

        ChainLayer(Changes c) {
            changes = c;
            c.msps().forEach(r -> msps.put(r.mspId, r));
            c.bsps().forEach(r -> bsps.put(r.bspId, r));
            c.valueProps().forEach(r -> valueProps.put(r.key(), r));
            c.buckets().forEach(r -> buckets.put(r.bucketId, r));
            c.files().forEach(r -> files.put(r.fileKey, r));
            c.deletedStreams().forEach(k -> streams.put(k, null)); // deletions before upserts, as written
            c.streams().forEach(r -> streams.put(r.key(), r));
            c.digests().forEach(d -> digests.put(d.position(), d.digest()));
        }
    }

    private final class Overlay implements StateLoader {
        private final StateLoader storage;

        Overlay(StateLoader storage) {
            this.storage = storage;
        }

        @Override
        public Optional<Position> lockChain(String chain) {
            List<ChainLayer> pending = of(chain);
            for (int i = pending.size() - 1; i >= 0; i--) {
                Position last = pending.get(i).changes.lastPosition();
                if (last != null) {
                    return Optional.of(last);
                }
            }
            return storage.lockChain(chain);
        }

        @Override
        public Map<Position, Long> digests(String chain, Collection<Position> positions) {
            List<ChainLayer> pending = of(chain);
            Map<Position, Long> result = new HashMap<>(storage.digests(chain, positions));
            for (ChainLayer layer : pending) {
                for (Position p : positions) {
                    Long digest = layer.digests.get(p);
                    if (digest != null) {
                        result.put(p, digest);
                    }
                }
            }
            return result;
        }

        @Override
        public Map<String, MspRow> msps(String chain, Collection<String> mspIds) {
            return rows(chain, mspIds, l -> l.msps, MspRow::copy, keys -> storage.msps(chain, keys));
        }

        @Override
        public Map<String, BspRow> bsps(String chain, Collection<String> bspIds) {
            return rows(chain, bspIds, l -> l.bsps, BspRow::copy, keys -> storage.bsps(chain, keys));
        }

        @Override
        public Map<ValuePropRow.Key, ValuePropRow> valueProps(String chain, Collection<ValuePropRow.Key> keys) {
            return rows(chain, keys, l -> l.valueProps, ValuePropRow::copy, k -> storage.valueProps(chain, k));
        }

        @Override
        public Map<String, BucketRow> buckets(String chain, Collection<String> bucketIds) {
            return rows(chain, bucketIds, l -> l.buckets, BucketRow::copy, keys -> storage.buckets(chain, keys));
        }

        @Override
        public Map<String, FileRow> files(String chain, Collection<String> fileKeys) {
            return rows(chain, fileKeys, l -> l.files, FileRow::copy, keys -> storage.files(chain, keys));
        }

        @Override
        public Map<StreamRow.Key, StreamRow> streams(String chain, Collection<StreamRow.Key> keys) {
            return rows(chain, keys, l -> l.streams, StreamRow::copy, k -> storage.streams(chain, k));
        }

        @Override
        public List<FileBspRow> associationsOfFiles(String chain, Collection<String> fileKeys) {
            List<ChainLayer> pending = of(chain);
            List<FileBspRow> stored = storage.associationsOfFiles(chain, fileKeys);
            if (pending.isEmpty()) {
                return stored;
            }
            Set<String> files = new HashSet<>(fileKeys);
            return replay(stored, pending, a -> files.contains(a.fileKey()));
        }

        @Override
        public List<FileBspRow> associationsOfBsp(String chain, String bspId) {
            List<ChainLayer> pending = of(chain);
            List<FileBspRow> stored = storage.associationsOfBsp(chain, bspId);
            if (pending.isEmpty()) {
                return stored;
            }
            return replay(stored, pending, a -> a.bspId().equals(bspId));
        }

        /** Storage's associations with the pending batches' deletions and upserts of the selected ones re-applied. */
        private List<FileBspRow> replay(List<FileBspRow> stored, List<ChainLayer> pending,
                                        Predicate<FileBspRow> selected) {
            record Pair(String bspId, String fileKey) {
            }
            Map<Pair, FileBspRow> result = new LinkedHashMap<>();
            stored.forEach(a -> result.put(new Pair(a.bspId(), a.fileKey()), a));
            for (ChainLayer layer : pending) {
                for (FileBspRow removed : layer.changes.removedAssociations()) {
                    if (selected.test(removed)) {
                        result.remove(new Pair(removed.bspId(), removed.fileKey()));
                    }
                }
                for (FileBspRow added : layer.changes.addedAssociations()) {
                    if (selected.test(added)) {
                        result.put(new Pair(added.bspId(), added.fileKey()), added);
                    }
                }
            }
            return new ArrayList<>(result.values());
        }

        private <K, V> Map<K, V> rows(String chain, Collection<K> keys, Function<ChainLayer, Map<K, V>> table,
                                      UnaryOperator<V> copy, Function<Collection<K>, Map<K, V>> load) {
            List<ChainLayer> pending = of(chain);
            if (pending.isEmpty()) {
                return load.apply(keys);
            }
            Map<K, V> result = new HashMap<>();
            List<K> missing = new ArrayList<>();
            for (K key : keys) {
                boolean written = false;
                for (int i = pending.size() - 1; i >= 0 && !written; i--) {
                    Map<K, V> rows = table.apply(pending.get(i));
                    if (rows.containsKey(key)) {
                        written = true;
                        V row = rows.get(key);
                        if (row != null) {
                            result.put(key, copy.apply(row));
                        }
                    }
                }
                if (!written) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                result.putAll(load.apply(missing));
            }
            return result;
        }
    }
}
