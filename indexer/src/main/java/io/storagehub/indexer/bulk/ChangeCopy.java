package io.storagehub.indexer.bulk;

import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.EntitiesJson;
import io.storagehub.projection.state.RecordedChange;
import java.sql.SQLException;
import java.util.List;

/**
 * Bulk mode's changes: append-only, so they do not go through the state store but straight to Postgres, each
 * batch's changes streamed into one long {@code COPY} per change table for the whole replay (their indexes dropped
 * first, built again by {@link BulkLoad} after the other tables are loaded). Nothing is visible before
 * {@link #finish}; a crash leaves only the shadow schema, dropped as a whole.
 */
final class ChangeCopy implements AutoCloseable {
    static final List<String> TABLES = List.of("change", "change_key");

    private final List<BulkLoad.Index> indexes;
    private final BulkLoad.Loader changes;
    private final BulkLoad.Loader keys;

    private ChangeCopy(List<BulkLoad.Index> indexes, BulkLoad.Loader changes, BulkLoad.Loader keys) {
        this.indexes = indexes;
        this.changes = changes;
        this.keys = keys;
    }

    /** Drops the change tables' indexes and starts their COPY. */
    static ChangeCopy open(BulkLoad load) {
        BulkLoad.Loader changes = null;
        try {
            List<BulkLoad.Index> indexes = load.dropIndexes(TABLES);
            changes = load.loader("change", "COPY change (chain, block, event_index, block_hash, block_time, pallet,"
                    + " name, data, entities) FROM STDIN");
            BulkLoad.Loader keys = load.loader("change_key", "COPY change_key (chain, key, block, event_index)"
                    + " FROM STDIN");
            return new ChangeCopy(indexes, changes, keys);
        } catch (SQLException | RuntimeException e) {
            if (changes != null) {
                try {
                    changes.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new IllegalStateException("starting the COPY of the changes failed: " + e.getMessage(), e);
        }
    }

    /** Streams a batch's changes. */
    void add(List<Changes> batch) {
        for (Changes c : batch) {
            String chain = c.chain();
            for (RecordedChange r : c.changes()) {
                long block = r.view().position().block();
                long index = r.view().position().index();
                changes.add(text -> text.text(chain).int64(block).int64(index).text(r.view().blockHash())
                        .text(r.view().blockTime().toString()).text(r.view().pallet()).text(r.view().name())
                        .text(r.view().dataJson()).text(EntitiesJson.write(r.view().entities())).endRow());
                for (String key : r.keys()) {
                    keys.add(text -> text.text(chain).text(key).int64(block).int64(index).endRow());
                }
            }
        }
    }

    /** Ends both COPYs; returns the rows written. */
    long finish() throws SQLException {
        try {
            return changes.finish() + keys.finish();
        } finally {
            close();
        }
    }

    /** The indexes dropped at the start, to be built again. */
    List<BulkLoad.Index> indexes() {
        return indexes;
    }

    /** Cancels what was not finished and releases the connections. */
    @Override
    public void close() throws SQLException {
        try {
            changes.close();
        } finally {
            keys.close();
        }
    }
}
