package io.storagehub.projection.table;

import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.projection.state.StoredEntities;
import java.util.List;

/**
 * The change tables' rows as {@code COPY} text, for every writer of them: the JDBI adapter (a COPY inside the
 * batch's transaction) and bulk mode (one COPY per table for a whole replay). COPY rather than
 * {@code INSERT ... SELECT FROM unnest(...)}: the tables are append-only, take 5 to 6 rows per event, and COPY
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
        return "COPY " + table + " (chain, key, block, event_index) FROM STDIN";
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

    /** Appends the {@code change} rows of a batch's changes to {@code changes}, their keys to {@code keys}. */
    public static void append(List<Changes> batch, CopyText changes, CopyText keys) {
        for (Changes c : batch) {
            if (c.changes().isEmpty()) {
                continue;
            }
            Writer writer = new Writer(c.chain());
            for (RecordedChange r : c.changes()) {
                writer.append(r, changes, keys);
            }
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
     * time once per block.
     */
    public static final class Writer {
        private final byte[] chain;
        private long block = -1;
        private byte[] blockHash;
        private byte[] blockTime;

        public Writer(String chain) {
            this.chain = CopyText.escaped(chain);
        }

        /** Appends one change's row to {@code changes} and its keys' rows to {@code keys}. */
        public void append(RecordedChange r, CopyText changes, CopyText keys) {
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
                keys.field(chain).byteaHex(key).int64(at).int64(index).endRow();
            }
        }
    }
}
