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
    public static final String COPY_KEYS = "COPY change_key (chain, key, block, event_index) FROM STDIN";

    private ChangeRows() {
    }

    /** Appends the {@code change} rows of a batch's changes to {@code changes}, their keys to {@code keys}. */
    public static void append(List<Changes> batch, CopyText changes, CopyText keys) {
        for (Changes c : batch) {
            for (RecordedChange r : c.changes()) {
                append(c.chain(), r, changes, keys);
            }
        }
    }

    /** Appends one change's row to {@code changes} and its keys' rows to {@code keys}. */
    public static void append(String chain, RecordedChange r, CopyText changes, CopyText keys) {
        long block = r.view().position().block();
        long index = r.view().position().index();
        changes.text(chain).int64(block).int64(index).text(r.view().blockHash())
                .text(r.view().blockTime().toString()).text(r.view().pallet()).text(r.view().name())
                .text(r.view().dataJson()).text(StoredEntities.write(r.view().entities())).endRow();
        for (String key : r.keys()) {
            // bytea in COPY's text format: \x then the hex (as CopyText.bytea writes it, without decoding the hex)
            keys.text(chain).text("\\x" + key).int64(block).int64(index).endRow();
        }
    }
}
