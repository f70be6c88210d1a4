package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows an adapter read or wrote in earlier batches, kept across batches so that a batch reads from storage only
 * the rows it has not seen. A chain's cached rows describe its state at one applied position, recorded with
 * them; a batch uses them only when the position it reads under the chain's lock ({@link StateLoader#lockChain})
 * is that one. Every write of a chain's rows advances its position, so rows written by anyone else (an indexer
 * on another partition assignment, a second process) are never served: the position no longer matches and the
 * chain's rows are read from storage again. A batch publishes what it read and wrote only after its transaction
 * committed ({@link #publish}); a rolled back batch publishes nothing.
 *
 * <p>Bounded: each table of each chain keeps its {@code rowsPerTable} most recently used keys. Thread-safe.
 */
public final class RowCache {
    private final int rowsPerTable;
    private final Map<String, ChainRows> chains = new HashMap<>();

    /** A cache of at most {@code rowsPerTable} keys per table and chain; 0 caches nothing. */
    public RowCache(int rowsPerTable) {
        if (rowsPerTable < 0) {
            throw new IllegalArgumentException("rows per table must be >= 0, got " + rowsPerTable);
        }
        this.rowsPerTable = rowsPerTable;
    }

    /** A loader for one transaction: answers from the cache where it can, else from {@code storage}. */
    public CachingLoader over(StateLoader storage) {
        return new CachingLoader(this, storage);
    }

    /**
     * Publishes what a committed transaction's loader read and what it wrote: afterwards each chain it locked is
     * cached at the position it left the chain at.
     */
    public synchronized void publish(CachingLoader loader, List<Changes> changes) {
        if (rowsPerTable == 0) {
            return;
        }
        Map<String, Changes> byChain = new HashMap<>();
        changes.forEach(c -> byChain.put(c.chain(), c));
        loader.locked().forEach((chain, before) -> {
            Changes written = byChain.get(chain);
            Optional<Position> after = written != null && written.lastPosition() != null
                    ? Optional.of(written.lastPosition()) : before;
            ChainRows rows = chains.get(chain);
            if (rows == null || !rows.position.equals(before)) {
                rows = new ChainRows(rowsPerTable); // another writer moved the chain: start over from what we know
                chains.put(chain, rows);
            }
            rows.absorb(loader.read(chain));
            if (written != null) {
                rows.apply(written);
            }
            rows.position = after;
        });
    }

    /** Forgets everything, e.g. when the storage behind the cache was replaced. */
    public synchronized void clear() {
        chains.clear();
    }

    /** The chain's rows if they are cached at {@code position}; call while holding this cache's lock. */
    ChainRows at(String chain, Optional<Position> position) {
        ChainRows rows = chains.get(chain);
        return rows != null && rows.position.equals(position) ? rows : null;
    }

    int rowsPerTable() {
        return rowsPerTable;
    }

    /** Keys in use order, the least recently used dropped beyond a bound; a null value marks a known absence. */
    static final class Lru<K, V> extends LinkedHashMap<K, V> {
        private final int bound;

        Lru(int bound) {
            super(16, 0.75f, true);
            this.bound = bound;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > bound;
        }
    }

    /** One chain's rows by table, as of {@code position}; associations are cached as each file's complete set. */
    static final class ChainRows {
        Optional<Position> position = Optional.empty();
        final Lru<String, MspRow> msps;
        final Lru<String, BspRow> bsps;
        final Lru<ValuePropRow.Key, ValuePropRow> valueProps;
        final Lru<String, BucketRow> buckets;
        final Lru<String, FileRow> files;
        final Lru<StreamRow.Key, StreamRow> streams;
        final Lru<String, Map<String, FileBspRow>> associationsByFile;

        ChainRows(int bound) {
            msps = new Lru<>(bound);
            bsps = new Lru<>(bound);
            valueProps = new Lru<>(bound);
            buckets = new Lru<>(bound);
            files = new Lru<>(bound);
            streams = new Lru<>(bound);
            associationsByFile = new Lru<>(bound);
        }

        void absorb(ChainRows read) {
            if (read == null) {
                return;
            }
            msps.putAll(read.msps);
            bsps.putAll(read.bsps);
            valueProps.putAll(read.valueProps);
            buckets.putAll(read.buckets);
            files.putAll(read.files);
            streams.putAll(read.streams);
            associationsByFile.putAll(read.associationsByFile);
        }

        /** What the batch wrote, in the order the writer writes it: deletions before upserts. */
        void apply(Changes c) {
            c.msps().forEach(r -> msps.put(r.mspId, r));
            c.bsps().forEach(r -> bsps.put(r.bspId, r));
            c.valueProps().forEach(r -> valueProps.put(r.key(), r));
            c.buckets().forEach(r -> buckets.put(r.bucketId, r));
            c.files().forEach(r -> files.put(r.fileKey, r));
            c.deletedStreams().forEach(k -> streams.put(k, null));
            c.streams().forEach(r -> streams.put(r.key(), r));
            for (FileBspRow removed : c.removedAssociations()) {
                Map<String, FileBspRow> stored = associationsByFile.get(removed.fileKey());
                if (stored != null) {
                    stored.remove(removed.bspId());
                }
            }
            for (FileBspRow added : c.addedAssociations()) {
                Map<String, FileBspRow> stored = associationsByFile.get(added.fileKey());
                if (stored != null) {
                    stored.put(added.bspId(), added);
                }
                // a file whose set is not cached stays unknown: its complete set is read when next needed
            }
        }
    }
}
