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
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The read model under construction in bulk mode: the same rows the Postgres adapter would hold, kept in a
 * {@link StateStore} and read and written through the same {@link StateLoader} / {@link Changes} contract, so the
 * shared applier runs over it unchanged. Chain positions and source checkpoints are few and stay on the heap.
 * Single-threaded: one batch at a time.
 *
 * <p>The entity rows a batch writes (MSPs, BSPs, value propositions, buckets, files, payment streams) are held on
 * the heap, the newest version of each, until {@link #flush} or until they number {@code flushRows}, and reads
 * answer copies of them before reading the store: a row that the next batches change again (a file's life spans a
 * few blocks) is encoded and written to the store once, and read back without decoding. Associations and digests
 * go to the store with their batch.
 */
final class BulkState implements StateLoader, AutoCloseable {
    /** Entity rows held before they are written to the store: a few batches' worth, tens of MiB of heap. */
    static final int FLUSH_ROWS = 60_000;
    /** A held row that was deleted. */
    private static final Object DELETED = new Object();
    private final StateStore store;
    private final AssociationSets associationSets;
    private final int flushRows;
    private final Pending<String, MspRow> msps = new Pending<>(Tables.MSP, MspRow::copy,
            (chain, id) -> RowCodec.key(chain, id));
    private final Pending<String, BspRow> bsps = new Pending<>(Tables.BSP, BspRow::copy,
            (chain, id) -> RowCodec.key(chain, id));
    private final Pending<ValuePropRow.Key, ValuePropRow> valueProps = new Pending<>(Tables.VALUE_PROP,
            ValuePropRow::copy, (chain, k) -> RowCodec.key(chain, k.mspId(), k.valuePropId()));
    private final Pending<String, BucketRow> buckets = new Pending<>(Tables.BUCKET, BucketRow::copy,
            (chain, id) -> RowCodec.key(chain, id));
    private final Pending<String, FileRow> files = new Pending<>(Tables.FILE, FileRow::copy,
            (chain, key) -> RowCodec.key(chain, key));
    private final Pending<StreamRow.Key, StreamRow> streams = new Pending<>(Tables.PAYMENT_STREAM, StreamRow::copy,
            (chain, k) -> RowCodec.key(chain, k.userAccount(), k.providerId()));
    private final List<Pending<?, ?>> pending = List.of(msps, bsps, valueProps, buckets, files, streams);
    private int pendingRows;
    private final Map<String, Position> positions = new TreeMap<>();
    private final Map<String, Instant> blockTimes = new HashMap<>();
    private final Map<String, SourceOffset> checkpoints = new LinkedHashMap<>();

    BulkState(StateStore store) {
        this(store, FLUSH_ROWS);
    }

    /** {@code flushRows}: how many entity rows are held on the heap before they are written to the store. */
    BulkState(StateStore store, int flushRows) {
        this.store = store;
        this.associationSets = new AssociationSets(store);
        this.flushRows = flushRows;
    }

    /** The store: it holds every row once {@link #flush} ran. */
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
        return rows(msps, chain, ids, r -> r.mspId);
    }

    @Override
    public Map<String, BspRow> bsps(String chain, Collection<String> ids) {
        return rows(bsps, chain, ids, r -> r.bspId);
    }

    @Override
    public Map<ValuePropRow.Key, ValuePropRow> valueProps(String chain, Collection<ValuePropRow.Key> keys) {
        return rows(valueProps, chain, keys, ValuePropRow::key);
    }

    @Override
    public Map<String, BucketRow> buckets(String chain, Collection<String> ids) {
        return rows(buckets, chain, ids, r -> r.bucketId);
    }

    @Override
    public Map<String, FileRow> files(String chain, Collection<String> keys) {
        return rows(files, chain, keys, r -> r.fileKey);
    }

    @Override
    public Map<StreamRow.Key, StreamRow> streams(String chain, Collection<StreamRow.Key> keys) {
        return rows(streams, chain, keys, StreamRow::key);
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
                    hold(streams, c.chain(), k, null);
                }
                for (FileBspRow removed : c.removedAssociations()) {
                    batch.delete(store.family(Tables.FILE_BSP.name()), RowCodec.key(Tables.FILE_BSP, removed));
                }
                associationSets.write(batch, c.chain(), c.removedAssociations(), c.addedAssociations());
                c.msps().forEach(r -> hold(msps, c.chain(), r.mspId, r));
                c.bsps().forEach(r -> hold(bsps, c.chain(), r.bspId, r));
                c.valueProps().forEach(r -> hold(valueProps, c.chain(), r.key(), r));
                c.buckets().forEach(r -> hold(buckets, c.chain(), r.bucketId, r));
                c.files().forEach(r -> hold(files, c.chain(), r.fileKey, r));
                c.streams().forEach(r -> hold(streams, c.chain(), r.key(), r));
                put(batch, Tables.FILE_BSP, c.addedAssociations());
                putDigests(batch, c);
            }
            store.write(batch);
            associationSets.written();
        } catch (RocksDBException e) {
            throw failure(e);
        }
        if (pendingRows >= flushRows) {
            flush();
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

    /** Writes the entity rows held on the heap to the store. */
    void flush() {
        if (pendingRows == 0) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (Pending<?, ?> table : pending) {
                table.writeTo(batch);
            }
            store.write(batch);
        } catch (RocksDBException e) {
            throw failure(e);
        }
        pendingRows = 0;
    }

    private IllegalStateException failure(RocksDBException e) {
        return new IllegalStateException("bulk state store in " + store.directory() + ": " + e.getMessage(), e);
    }

    /** Holds the newest version of a row ({@code null}: deleted) until the next {@link #flush}. */
    private <K, R> void hold(Pending<K, R> table, String chain, K key, R row) {
        if (table.put(chain, key, row)) {
            pendingRows++;
        }
    }

    /** Copies of the rows held on the heap, the others read from the store. */
    private <K, R> Map<K, R> rows(Pending<K, R> table, String chain, Collection<K> keys, Function<R, K> keyOf) {
        Map<K, R> result = new HashMap<>();
        Map<K, Object> held = table.rows.get(chain);
        List<byte[]> missing = new ArrayList<>(keys.size());
        for (K key : keys) {
            Object row = held == null ? null : held.get(key);
            if (row == null) {
                missing.add(table.key.apply(chain, key));
            } else if (row != DELETED) {
                result.put(key, table.copy(row));
            }
        }
        for (byte[] value : store.getAll(table.table.name(), missing)) {
            if (value != null) {
                R row = RowCodec.decode(table.table, value);
                result.put(keyOf.apply(row), row);
            }
        }
        return result;
    }

    /** One table's rows held until the next flush, by chain and key; {@link #DELETED} stands for a deleted row. */
    private final class Pending<K, R> {
        private final Table<R> table;
        private final UnaryOperator<R> copy;
        private final BiFunction<String, K, byte[]> key;
        private final Map<String, Map<K, Object>> rows = new HashMap<>();

        Pending(Table<R> table, UnaryOperator<R> copy, BiFunction<String, K, byte[]> key) {
            this.table = table;
            this.copy = copy;
            this.key = key;
        }

        /** Holds {@code row} ({@code null}: deleted); whether the key was not held yet. */
        boolean put(String chain, K k, R row) {
            return rows.computeIfAbsent(chain, c -> new HashMap<>()).put(k, row == null ? DELETED : row) == null;
        }

        @SuppressWarnings("unchecked")
        R copy(Object row) {
            return copy.apply((R) row);
        }

        void writeTo(WriteBatch batch) throws RocksDBException {
            ColumnFamilyHandle family = store.family(table.name());
            for (Map.Entry<String, Map<K, Object>> chain : rows.entrySet()) {
                for (Map.Entry<K, Object> row : chain.getValue().entrySet()) {
                    byte[] k = key.apply(chain.getKey(), row.getKey());
                    if (row.getValue() == DELETED) {
                        batch.delete(family, k);
                    } else {
                        batch.put(family, k, encode(row.getValue()));
                    }
                }
            }
            rows.clear();
        }

        @SuppressWarnings("unchecked")
        private byte[] encode(Object row) {
            return RowCodec.encode(table, (R) row);
        }
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
