package io.storagehub.indexer.bulk;

import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.table.RowCodec;
import io.storagehub.projection.table.Tables;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The BSPs storing each file, kept in the state store as one value per file (key: chain and file key; value: the
 * file's associations, each as a length and its {@link RowCodec} row, in BSP order), so that the associations of a
 * batch's files are read with one bloom-filtered multi-get instead of one iterator seek per file. The sets read
 * during a batch are remembered until its write, which updates them without reading them again.
 */
final class AssociationSets {
    private final StateStore store;
    /** Sets read since the last write, by {@link #id}: the store does not change between a write and the next. */
    private final Map<String, List<FileBspRow>> read = new HashMap<>();

    AssociationSets(StateStore store) {
        this.store = store;
    }

    /** Every association of these files. */
    List<FileBspRow> of(String chain, Collection<String> fileKeys) {
        List<String> keys = List.copyOf(fileKeys);
        List<FileBspRow> result = new ArrayList<>();
        List<byte[]> values = store.getAll(StateStore.ASSOCIATIONS_BY_FILE,
                keys.stream().map(k -> RowCodec.key(chain, k)).toList());
        for (int i = 0; i < keys.size(); i++) {
            List<FileBspRow> set = unpack(values.get(i));
            read.put(id(chain, keys.get(i)), set);
            result.addAll(set);
        }
        return result;
    }

    /**
     * Adds to {@code batch} the new sets of the files whose associations changed: removals first, then additions
     * (an upsert by BSP), as {@link io.storagehub.projection.state.Changes} defines; an emptied set is deleted.
     */
    void write(WriteBatch batch, String chain, List<FileBspRow> removed, List<FileBspRow> added)
            throws RocksDBException {
        Map<String, Map<String, FileBspRow>> sets = new TreeMap<>();
        removed.forEach(a -> sets.put(a.fileKey(), null));
        added.forEach(a -> sets.put(a.fileKey(), null));
        List<String> unread = sets.keySet().stream().filter(k -> !read.containsKey(id(chain, k))).toList();
        if (!unread.isEmpty()) {
            of(chain, unread);
        }
        for (String fileKey : sets.keySet()) {
            Map<String, FileBspRow> byBsp = new TreeMap<>();
            read.get(id(chain, fileKey)).forEach(a -> byBsp.put(a.bspId(), a));
            sets.put(fileKey, byBsp);
        }
        removed.forEach(a -> sets.get(a.fileKey()).remove(a.bspId()));
        added.forEach(a -> sets.get(a.fileKey()).put(a.bspId(), a));
        for (Map.Entry<String, Map<String, FileBspRow>> set : sets.entrySet()) {
            byte[] key = RowCodec.key(chain, set.getKey());
            if (set.getValue().isEmpty()) {
                batch.delete(store.family(StateStore.ASSOCIATIONS_BY_FILE), key);
            } else {
                batch.put(store.family(StateStore.ASSOCIATIONS_BY_FILE), key, pack(set.getValue().values()));
            }
        }
    }

    /** Forgets the sets read: called once a batch's writes reached the store. */
    void written() {
        read.clear();
    }

    static byte[] pack(Collection<FileBspRow> set) {
        List<byte[]> rows = new ArrayList<>(set.size());
        int size = 0;
        for (FileBspRow row : set) {
            byte[] encoded = RowCodec.encode(Tables.FILE_BSP, row);
            rows.add(encoded);
            size += Integer.BYTES + encoded.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        rows.forEach(r -> out.putInt(r.length).put(r));
        return out.array();
    }

    static List<FileBspRow> unpack(byte[] packed) {
        if (packed == null) {
            return List.of();
        }
        List<FileBspRow> set = new ArrayList<>(2);
        ByteBuffer in = ByteBuffer.wrap(packed);
        while (in.hasRemaining()) {
            byte[] row = new byte[in.getInt()];
            in.get(row);
            set.add(RowCodec.decode(Tables.FILE_BSP, row));
        }
        return set;
    }

    private static String id(String chain, String fileKey) {
        return chain + '\0' + fileKey;
    }
}
