package io.storagehub.indexer.bulk;

import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.jdbi.DigestEntries;
import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.StateLoader;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.projection.table.RowCodec;
import io.storagehub.projection.table.Table;
import io.storagehub.projection.table.Tables;
import io.storagehub.schema.event.Position;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The read model under construction in bulk mode: the same rows the Postgres adapter would hold, kept in a
 * {@link StateStore} and read and written through the same {@link StateLoader} / {@link Changes} contract, so the
 * shared applier runs over it unchanged. Chain positions and source checkpoints are few and stay on the heap.
 * Single-threaded: one batch at a time.
 */
final class BulkState implements StateLoader, AutoCloseable {
    private final StateStore store;
    private final AssociationSets associationSets;
    private final Map<String, Position> positions = new TreeMap<>();
    private final Map<String, Instant> blockTimes = new HashMap<>();
    private final Map<String, SourceOffset> checkpoints = new LinkedHashMap<>();

    BulkState(StateStore store) {
        this.store = store;
        this.associationSets = new AssociationSets(store);
    }

    StateStore store() {
        return store;
    }

    Map<String, Position> positions() {
        return positions;
    }

    Map<String, Instant> blockTimes() {
        return blockTimes;
    }

    Collection<SourceOffset> checkpoints() {
        return checkpoints.values();
    }

    Optional<SourceOffset> checkpoint(String topic, int partition) {
        return Optional.ofNullable(checkpoints.get(topic + "/" + partition));
    }

    @Override
    public Optional<Position> lockChain(String chain) {
        return Optional.ofNullable(positions.get(chain));
    }

    @Override
    public Map<Position, Long> digests(String chain, Collection<Position> wanted) {
        List<Long> blocks = wanted.stream().map(Position::block).distinct().toList();
        List<byte[]> packed = store.getAll(StateStore.EVENT_DIGEST,
                blocks.stream().map(b -> digestKey(chain, b)).toList());
        Map<Long, Map<Long, Long>> byBlock = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (packed.get(i) != null) {
                byBlock.put(blocks.get(i), DigestEntries.unpack(packed.get(i)));
            }
        }
        Map<Position, Long> result = new HashMap<>();
        for (Position p : wanted) {
            Long digest = byBlock.getOrDefault(p.block(), Map.of()).get(p.index());
            if (digest != null) {
                result.put(p, digest);
            }
        }
        return result;
    }

    @Override
    public Map<String, MspRow> msps(String chain, Collection<String> ids) {
        return rows(Tables.MSP, ids, id -> RowCodec.key(chain, id), r -> r.mspId);
    }

    @Override
    public Map<String, BspRow> bsps(String chain, Collection<String> ids) {
        return rows(Tables.BSP, ids, id -> RowCodec.key(chain, id), r -> r.bspId);
    }

    @Override
    public Map<ValuePropRow.Key, ValuePropRow> valueProps(String chain, Collection<ValuePropRow.Key> keys) {
        return rows(Tables.VALUE_PROP, keys, k -> RowCodec.key(chain, k.mspId(), k.valuePropId()), ValuePropRow::key);
    }

    @Override
    public Map<String, BucketRow> buckets(String chain, Collection<String> ids) {
        return rows(Tables.BUCKET, ids, id -> RowCodec.key(chain, id), r -> r.bucketId);
    }

    @Override
    public Map<String, FileRow> files(String chain, Collection<String> keys) {
        return rows(Tables.FILE, keys, k -> RowCodec.key(chain, k), r -> r.fileKey);
    }

    @Override
    public Map<StreamRow.Key, StreamRow> streams(String chain, Collection<StreamRow.Key> keys) {
        return rows(Tables.PAYMENT_STREAM, keys, k -> RowCodec.key(chain, k.userAccount(), k.providerId()),
                StreamRow::key);
    }

    @Override
    public List<FileBspRow> associationsOfFiles(String chain, Collection<String> fileKeys) {
        return associationSets.of(chain, fileKeys);
    }

    @Override
    public List<FileBspRow> associationsOfBsp(String chain, String bspId) {
        List<FileBspRow> result = new ArrayList<>();
        store.scan(Tables.FILE_BSP.name(), RowCodec.key(chain, bspId, ""),
                (key, value) -> result.add(RowCodec.decode(Tables.FILE_BSP, value)));
        return result;
    }

    /** Writes a batch's changes and moves the checkpoint, as the Postgres adapter's writer does. */
    void write(List<Changes> changes, Optional<SourceOffset> checkpoint) {
        try (WriteBatch batch = new WriteBatch()) {
            for (Changes c : changes) {
                for (StreamRow.Key k : c.deletedStreams()) {
                    batch.delete(store.family(Tables.PAYMENT_STREAM.name()),
                            RowCodec.key(c.chain(), k.userAccount(), k.providerId()));
                }
                for (FileBspRow removed : c.removedAssociations()) {
                    batch.delete(store.family(Tables.FILE_BSP.name()), RowCodec.key(Tables.FILE_BSP, removed));
                }
                associationSets.write(batch, c.chain(), c.removedAssociations(), c.addedAssociations());
                put(batch, Tables.MSP, c.msps());
                put(batch, Tables.BSP, c.bsps());
                put(batch, Tables.VALUE_PROP, c.valueProps());
                put(batch, Tables.BUCKET, c.buckets());
                put(batch, Tables.FILE, c.files());
                put(batch, Tables.PAYMENT_STREAM, c.streams());
                put(batch, Tables.FILE_BSP, c.addedAssociations());
                putDigests(batch, c);
            }
            store.write(batch);
            associationSets.written();
        } catch (RocksDBException e) {
            throw new IllegalStateException("bulk state store in " + store.directory() + ": " + e.getMessage(), e);
        }
        for (Changes c : changes) {
            if (c.lastPosition() != null) {
                positions.put(c.chain(), c.lastPosition());
                if (c.lastBlockTime() != null) {
                    blockTimes.put(c.chain(), c.lastBlockTime());
                }
            }
        }
        checkpoint.ifPresent(offset -> checkpoints.merge(offset.topic() + "/" + offset.partition(), offset,
                (old, now) -> now.nextOffset() >= old.nextOffset() ? now : old));
    }

    /**
     * Digests grouped by block: a block after the chain's last position is new; the block of the last position may
     * already hold the entries of an earlier batch, which are appended to.
     */
    private void putDigests(WriteBatch batch, Changes c) throws RocksDBException {
        Map<Long, List<DigestEntries.Entry>> byBlock = new TreeMap<>();
        for (Changes.Digest d : c.digests()) {
            byBlock.computeIfAbsent(d.position().block(), b -> new ArrayList<>())
                    .add(new DigestEntries.Entry(d.position().index(), d.digest()));
        }
        Position before = positions.get(c.chain());
        for (Map.Entry<Long, List<DigestEntries.Entry>> block : byBlock.entrySet()) {
            byte[] key = digestKey(c.chain(), block.getKey());
            byte[] entries = DigestEntries.pack(block.getValue());
            if (before != null && before.block() == block.getKey()) {
                byte[] earlier = store.getAll(StateStore.EVENT_DIGEST, List.of(key)).get(0);
                if (earlier != null) {
                    entries = ByteBuffer.allocate(earlier.length + entries.length).put(earlier).put(entries).array();
                }
            }
            batch.put(store.family(StateStore.EVENT_DIGEST), key, entries);
        }
    }

    private <R> void put(WriteBatch batch, Table<R> table, List<R> rows) throws RocksDBException {
        for (R row : rows) {
            batch.put(store.family(table.name()), RowCodec.key(table, row), RowCodec.encode(table, row));
        }
    }

    private <K, R> Map<K, R> rows(Table<R> table, Collection<K> keys, Function<K, byte[]> encodeKey,
                                  Function<R, K> keyOf) {
        List<K> list = List.copyOf(keys);
        List<byte[]> values = store.getAll(table.name(), list.stream().map(encodeKey).toList());
        Map<K, R> result = new HashMap<>();
        for (byte[] value : values) {
            if (value != null) {
                R row = RowCodec.decode(table, value);
                result.put(keyOf.apply(row), row);
            }
        }
        return result;
    }

    /** Chain, a 0 byte, then the block as 8 big-endian bytes. */
    static byte[] digestKey(String chain, long block) {
        byte[] name = chain.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(name.length + 1 + Long.BYTES).put(name).put((byte) 0).putLong(block).array();
    }

    @Override
    public void close() {
        store.close();
    }
}
