package io.storagehub.indexer.bulk;

import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.projection.table.ChangeRows;
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
            changes = load.loader("change", ChangeRows.COPY_CHANGES);
            BulkLoad.Loader keys = load.loader("change_key", ChangeRows.COPY_KEYS);
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
            if (c.changes().isEmpty()) {
                continue;
            }
            ChangeRows.Writer writer = new ChangeRows.Writer(c.chain());
            for (RecordedChange r : c.changes()) {
                // the change row to one COPY, its key rows to the other (each flushes its own text when full)
                changes.add(rows -> keys.add(keyRows -> writer.append(r, rows, keyRows)));
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
