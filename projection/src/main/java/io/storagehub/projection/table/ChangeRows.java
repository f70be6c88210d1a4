package io.storagehub.projection.table;

import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.projection.state.StoredEntities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The change tables' rows as {@code COPY} text, for every writer of them: the JDBI adapter (a COPY inside the
 * batch's transaction) and bulk mode (one COPY per table for a whole replay). COPY rather than
 * {@code INSERT ... SELECT FROM unnest(...)}: the tables are append-only, take a few rows per event, and COPY
 * inserts heap rows in bulk.
 */
public final class ChangeRows {
    public static final String COPY_CHANGES = "COPY change (chain, block, event_index, block_hash, block_time, pallet,"
            + " name, data, entities) FROM STDIN";
    public static final String COPY_KEYS = copyKeysInto("change_key");

    /**
     * Creates the {@code change_key} partitions (V0009) for every chain's blocks up to its position in
     * {@code chain_position}, where they are missing: for loaders that COPY a whole history of key rows at once.
     */
    public static final String CREATE_KEY_PARTITIONS_TO_POSITIONS = "SELECT change_key_partitions(array_agg(0::bigint),"
            + " array_agg(last_block))::text FROM chain_position";

    /** The COPY of key rows into {@code table}: {@code change_key} or one of its partitions. */
    public static String copyKeysInto(String table) {
        return "COPY " + table + " (chain, key, block, event_index, blocks, event_indexes) FROM STDIN";
    }

    /**
     * The (key, change) pairs the rows of {@code table} ({@code change_key}, schema-qualified where needed) hold,
     * one row per change a key row finds (V0010), whatever their grouping: columns chain, key, block, event_index.
     */
    public static String keyEntries(String table) {
        return "SELECT k.chain, k.key, p.block, p.event_index FROM " + table + " k CROSS JOIN LATERAL"
                + " unnest(coalesce(k.blocks, ARRAY[k.block]), coalesce(k.event_indexes, ARRAY[k.event_index]))"
                + " AS p(block, event_index)";
    }

    private ChangeRows() {
    }

    /**
     * A batch's {@code change} rows and key rows as COPY text, encoded before its transaction opens (the live
     * path encodes them while the batch before is being written), so that the transaction only sends them.
     */
    public record Encoded(CopyText changes, CopyText keys) {
        /** The rows of {@code batch}'s changes, in buffers sized for them. */
        public static Encoded of(List<Changes> batch) {
            long[] bytes = estimatedBytes(batch);
            Encoded encoded = new Encoded(new CopyText((int) Math.min(Integer.MAX_VALUE - 64, bytes[0])),
                    new CopyText((int) Math.min(Integer.MAX_VALUE - 64, bytes[1])));
            append(batch, encoded.changes(), encoded.keys());
            return encoded;
        }

        /** Whether the batch kept no change (nothing to COPY). */
        public boolean isEmpty() {
            return changes.rows() == 0;
        }
    }

    /**
     * Appends the {@code change} rows of a batch's changes to {@code changes}, their key rows to {@code keys}: one
     * row per key and chain for the batch (a group of at most {@link Writer#GROUP_POSITIONS} changes, V0010).
     */
    public static void append(List<Changes> batch, CopyText changes, CopyText keys) {
        for (Changes c : batch) {
            if (c.changes().isEmpty()) {
                continue;
            }
            Writer writer = new Writer(c.chain());
            for (RecordedChange r : c.changes()) {
                writer.append(r, changes);
            }
            writer.writeKeys(keys);
        }
    }

    /** About how many bytes the change rows and the key rows of {@code batch} take, to size the buffers. */
    public static long[] estimatedBytes(List<Changes> batch) {
        long rows = 0;
        long keys = 0;
        for (Changes c : batch) {
            for (RecordedChange r : c.changes()) {
                rows += 256 + r.view().dataJson().length() + 80L * r.view().entities().size();
                keys += 96L * r.keys().size();
            }
        }
        return new long[] {rows, keys};
    }

    /**
     * The rows of one chain's changes, in position order: the chain's name is escaped once, a block's hash and
     * time once per block. The key rows are grouped (V0010): each key's changes since the last
     * {@link #writeKeys} make one row, its last change's position with the positions of all of them, or several
     * rows of at most {@link #GROUP_POSITIONS} changes. A key's groups must cover disjoint runs of positions, in
     * position order, which holds when every writer of a chain's keys writes them in position order and ends its
     * groups ({@link #writeKeys}) before a later writer starts: one batch after the other.
     */
    public static final class Writer {
        /** The most changes one key row finds: a row of two arrays of 100 bigints stays under Postgres' TOAST size. */
        public static final int GROUP_POSITIONS = 100;

        private final byte[] chain;
        private long block = -1;
        private byte[] blockHash;
        private byte[] blockTime;
        /** The open group of each key, in the order the keys were first seen. */
        private final Map<String, Group> open = new LinkedHashMap<>();
        /** Groups that reached {@link #GROUP_POSITIONS} changes, waiting for {@link #writeKeys}. */
        private final List<Group> full = new ArrayList<>();

        public Writer(String chain) {
            this.chain = CopyText.escaped(chain);
        }

        /** Appends one change's row to {@code changes}; its keys join their groups. */
        public void append(RecordedChange r, CopyText changes) {
            long at = r.view().position().block();
            long index = r.view().position().index();
            if (at != block) {
                block = at;
                blockHash = CopyText.escaped(r.view().blockHash());
                blockTime = CopyText.escaped(r.view().blockTime().toString());
            }
            changes.field(chain).int64(at).int64(index).field(blockHash).field(blockTime).text(r.view().pallet())
                    .text(r.view().name()).text(r.view().dataJson()).text(StoredEntities.write(r.view().entities()))
                    .endRow();
            for (String key : r.keys()) {
                Group group = open.computeIfAbsent(key, Group::new);
                if (group.add(at, index)) {
                    full.add(group);
                    open.remove(key);
                }
            }
        }

        /** Writes the key rows of the changes appended since the last call to {@code keys}; ends their groups. */
        public void writeKeys(CopyText keys) {
            writeKeys((lastBlock, row) -> row.accept(keys));
        }

        /**
         * Hands each key row of the changes appended since the last call to {@code rows}, with the block of its last
         * change (the block its partition is chosen by); ends their groups.
         */
        public void writeKeys(KeyRows rows) {
            for (Group group : full) {
                rows.add(group.lastBlock(), text -> group.write(chain, text));
            }
            for (Group group : open.values()) {
                rows.add(group.lastBlock(), text -> group.write(chain, text));
            }
            full.clear();
            open.clear();
        }

        /** Where {@link #writeKeys} puts the key rows. */
        @FunctionalInterface
        public interface KeyRows {
            /** Takes one key row, written by {@code row}, whose last change is in {@code lastBlock}. */
            void add(long lastBlock, Consumer<CopyText> row);
        }

        /** One key's changes, in position order. */
        private static final class Group {
            private final String key;
            private long[] blocks = new long[4];
            private long[] indexes = new long[4];
            private int size;

            Group(String key) {
                this.key = key;
            }

            /** Adds a change; whether the group is now full. */
            boolean add(long block, long index) {
                if (size == blocks.length) {
                    blocks = Arrays.copyOf(blocks, Math.min(GROUP_POSITIONS, size * 2));
                    indexes = Arrays.copyOf(indexes, blocks.length);
                }
                blocks[size] = block;
                indexes[size] = index;
                size++;
                return size == GROUP_POSITIONS;
            }

            long lastBlock() {
                return blocks[size - 1];
            }

            /** The row: the last change's position, and every change's when there are several (else nulls). */
            void write(byte[] chain, CopyText text) {
                text.field(chain).byteaHex(key).int64(blocks[size - 1]).int64(indexes[size - 1]);
                if (size == 1) {
                    text.nullValue().nullValue();
                } else {
                    text.int64s(blocks, size).int64s(indexes, size);
                }
                text.endRow();
            }
        }
    }
}
