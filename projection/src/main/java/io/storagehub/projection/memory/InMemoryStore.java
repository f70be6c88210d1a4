package io.storagehub.projection.memory;

import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.StateLoader;
import io.storagehub.projection.state.StateWriter;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.event.Position;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The in-memory read model: every chain's tables and the source checkpoints, behind one read-write lock.
 * Writers ({@link InMemoryProjection}) hold the write lock for a whole batch; readers ({@link InMemoryQueries})
 * the read lock for one answer. Rows handed to the unit of work are copies.
 */
public final class InMemoryStore implements StateLoader, StateWriter {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, ChainTables> chains = new TreeMap<>();
    private final Map<String, Long> checkpoints = new HashMap<>();
    private final Clock clock;

    public InMemoryStore() {
        this(Clock.systemUTC());
    }

    public InMemoryStore(Clock clock) {
        this.clock = clock;
    }

    <T> T read(Function<Map<String, ChainTables>, T> reader) {
        return locked(lock.readLock(), () -> reader.apply(chains));
    }

    <T> T write(Supplier<T> writer) {
        return locked(lock.writeLock(), writer);
    }

    private static <T> T locked(java.util.concurrent.locks.Lock l, Supplier<T> body) {
        l.lock();
        try {
            return body.get();
        } finally {
            l.unlock();
        }
    }

    Optional<Long> storedOffset(String topic, int partition) {
        return read(c -> Optional.ofNullable(checkpoints.get(topic + "/" + partition)));
    }

    private ChainTables tables(String chain) {
        return chains.computeIfAbsent(chain, c -> new ChainTables());
    }

    private ChainTables existing(String chain) {
        return chains.getOrDefault(chain, new ChainTables());
    }

    @Override
    public Optional<Position> lockChain(String chain) {
        return Optional.ofNullable(existing(chain).lastPosition);
    }

    @Override
    public Map<Position, Long> digests(String chain, Collection<Position> positions) {
        return pick(existing(chain).digests, positions, d -> d);
    }

    @Override
    public Map<String, MspRow> msps(String chain, Collection<String> mspIds) {
        return pick(existing(chain).msps, mspIds, MspRow::copy);
    }

    @Override
    public Map<String, BspRow> bsps(String chain, Collection<String> bspIds) {
        return pick(existing(chain).bsps, bspIds, BspRow::copy);
    }

    @Override
    public Map<ValuePropRow.Key, ValuePropRow> valueProps(String chain, Collection<ValuePropRow.Key> keys) {
        return pick(existing(chain).valueProps, keys, ValuePropRow::copy);
    }

    @Override
    public Map<String, BucketRow> buckets(String chain, Collection<String> bucketIds) {
        return pick(existing(chain).buckets, bucketIds, BucketRow::copy);
    }

    @Override
    public Map<String, FileRow> files(String chain, Collection<String> fileKeys) {
        return pick(existing(chain).files, fileKeys, FileRow::copy);
    }

    @Override
    public Map<StreamRow.Key, StreamRow> streams(String chain, Collection<StreamRow.Key> keys) {
        return pick(existing(chain).streams, keys, StreamRow::copy);
    }

    @Override
    public List<FileBspRow> associationsOfFiles(String chain, Collection<String> fileKeys) {
        ChainTables t = existing(chain);
        return fileKeys.stream()
                .flatMap(k -> t.associationsByFile.getOrDefault(k, new TreeMap<>()).values().stream())
                .toList();
    }

    @Override
    public List<FileBspRow> associationsOfBsp(String chain, String bspId) {
        return List.copyOf(existing(chain).associationsByBsp.getOrDefault(bspId, new TreeMap<>()).values());
    }

    @Override
    public void write(List<Changes> changes, Optional<SourceOffset> checkpoint) {
        for (Changes c : changes) {
            ChainTables t = tables(c.chain());
            c.msps().forEach(r -> t.msps.put(r.mspId, r.copy()));
            c.bsps().forEach(r -> t.bsps.put(r.bspId, r.copy()));
            c.valueProps().forEach(r -> t.valueProps.put(r.key(), r.copy()));
            c.buckets().forEach(r -> t.buckets.put(r.bucketId, r.copy()));
            c.files().forEach(r -> t.files.put(r.fileKey, r.copy()));
            c.deletedStreams().forEach(t.streams::remove);
            c.streams().forEach(r -> t.streams.put(r.key(), r.copy()));
            c.removedAssociations().forEach(t::removeAssociation);
            c.addedAssociations().forEach(t::addAssociation);
            c.digests().forEach(d -> t.digests.put(d.position(), d.digest()));
            c.changes().forEach(t::addChange);
            if (c.lastPosition() != null) {
                t.lastPosition = c.lastPosition();
                t.updatedAt = clock.instant();
            }
        }
        checkpoint.ifPresent(o -> checkpoints.merge(o.topic() + "/" + o.partition(), o.nextOffset(), Math::max));
    }

    private static <K, V> Map<K, V> pick(Map<K, V> table, Collection<K> keys, Function<V, V> copy) {
        Map<K, V> result = new HashMap<>();
        for (K key : keys) {
            V row = table.get(key);
            if (row != null) {
                result.put(key, copy.apply(row));
            }
        }
        return result;
    }
}
