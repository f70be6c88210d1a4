package io.storagehub.indexer.bulk;

import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.table.RowCodec;
import io.storagehub.projection.table.Tables;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The BSPs storing each file, kept in the state store as one value per file (key: chain and file key; value: the
 * file's associations, each as a length and its {@link RowCodec} row, in BSP order), so that the associations of a
 * batch's files are read with one bloom-filtered multi-get instead of one iterator seek per file. The sets read
 * during a batch are remembered until its write, which updates them without reading them again.
 */
final class AssociationSets {
    private static final Comparator<FileBspRow> BY_BSP = Comparator.comparing(FileBspRow::bspId);

    private final StateStore store;
    /** Sets read since the last write, by chain and file: the store does not change between two writes. */
    private final Map<String, Map<String, List<FileBspRow>>> read = new HashMap<>();

    AssociationSets(StateStore store) {
        this.store = store;
    }

    /** Every association of these files. */
    List<FileBspRow> of(String chain, Collection<String> fileKeys) {
        List<String> keys = List.copyOf(fileKeys);
        List<byte[]> storeKeys = new ArrayList<>(keys.size());
        keys.forEach(k -> storeKeys.add(RowCodec.key(chain, k)));
        List<byte[]> values = store.getAll(StateStore.ASSOCIATIONS_BY_FILE, storeKeys);
        Map<String, List<FileBspRow>> known = read.computeIfAbsent(chain, c -> new HashMap<>());
        List<FileBspRow> result = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<FileBspRow> set = unpack(values.get(i));
            known.put(keys.get(i), set);
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
        if (removed.isEmpty() && added.isEmpty()) {
            return;
        }
        Map<String, List<FileBspRow>> known = read.computeIfAbsent(chain, c -> new HashMap<>());
        Set<String> unread = new LinkedHashSet<>();
        removed.forEach(a -> unreadFile(known, a, unread));
        added.forEach(a -> unreadFile(known, a, unread));
        if (!unread.isEmpty()) {
            of(chain, unread); // not read in this batch (the applier reads a file's set before changing it)
        }
        Map<String, List<FileBspRow>> sets = new HashMap<>();
        for (FileBspRow a : removed) {
            set(sets, known, a.fileKey()).removeIf(r -> r.bspId().equals(a.bspId()));
        }
        for (FileBspRow a : added) {
            List<FileBspRow> set = set(sets, known, a.fileKey());
            set.removeIf(r -> r.bspId().equals(a.bspId()));
            set.add(a);
        }
        for (Map.Entry<String, List<FileBspRow>> set : sets.entrySet()) {
            byte[] key = RowCodec.key(chain, set.getKey());
            if (set.getValue().isEmpty()) {
                batch.delete(store.family(StateStore.ASSOCIATIONS_BY_FILE), key);
            } else {
                set.getValue().sort(BY_BSP);
                batch.put(store.family(StateStore.ASSOCIATIONS_BY_FILE), key, pack(set.getValue()));
            }
        }
    }

    private static void unreadFile(Map<String, List<FileBspRow>> known, FileBspRow a, Set<String> unread) {
        if (!known.containsKey(a.fileKey())) {
            unread.add(a.fileKey());
        }
    }

    /** The new set of a file, begun as a copy of its stored set. */
    private static List<FileBspRow> set(Map<String, List<FileBspRow>> sets, Map<String, List<FileBspRow>> known,
                                        String fileKey) {
        return sets.computeIfAbsent(fileKey, k -> new ArrayList<>(known.get(k)));
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
}
