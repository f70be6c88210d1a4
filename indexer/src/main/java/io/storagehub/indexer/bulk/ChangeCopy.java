package io.storagehub.indexer.bulk;

import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.projection.table.ChangeRows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bulk mode's changes: append-only, so they do not go through the state store but straight to Postgres, each
 * batch's changes streamed into one long {@code COPY} per change table for the whole replay (their indexes dropped
 * first, built again by {@link BulkLoad} after the other tables are loaded). Key rows are grouped as the live path
 * groups them ({@link ChangeRows.Writer}), over {@link #GROUP_CHANGES} changes rather than one batch.
 * {@code change_key} is partitioned by block: its rows go straight into their partition (that of the row's last
 * change), one {@code COPY} per partition, the partition created when its first row comes (a replay's blocks only
 * grow per chain, so a partition is left for good once every chain is past it). Nothing is visible before
 * {@link #finish}; a crash leaves only the shadow schema, dropped as a whole.
 *
 * <p>The rows are made and sent on a thread of their own ({@code bulk-changes}), one batch at a time, while the
 * applying thread goes on with the next batch: {@link #add} hands a batch over once the one before it is written,
 * and a failure to write surfaces at the next {@link #add} or at {@link #finish}.
 */
public final class ChangeCopy implements AutoCloseable {
    static final List<String> TABLES = List.of("change", "change_key");
    /**
     * Changes whose keys are grouped together, whatever the batches: a key row finds up to this many of its key's
     * changes ({@link ChangeRows.Writer#GROUP_POSITIONS} at most), so the key table's size does not depend on the
     * size of the replay's batches.
     */
    static final int GROUP_CHANGES = 25_000;

    /** Key partitions loaded at once (one per chain at a different height), the least recently used finished first. */
    private static final int OPEN_PARTITIONS = 3;
    /**
     * The connections of the shadow schema's pool that stay in use until the load: one per COPY, and one to create
     * the next partition while they are open.
     */
    public static final int CONNECTIONS = 1 + OPEN_PARTITIONS + 1;

    private final BulkLoad load;
    private final List<BulkLoad.Index> indexes;
    private final BulkLoad.Loader changes;
    /** The key partitions being loaded, the most recently used last. */
    private final List<KeyPartition> open = new ArrayList<>();
    /** The key partitions loaded so far: one reopened is appended to (its first rows stay frozen, not these). */
    private final Set<String> loaded = new HashSet<>();
    private long keyRows;
    /** Each chain's change rows and its keys' open groups, which span batches until {@link #writeKeys}. */
    private final Map<String, ChangeRows.Writer> writers = new HashMap<>();
    /** Changes written since the last {@link #writeKeys}. */
    private int ungrouped;
    private final int groupChanges;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "bulk-changes");
        thread.setDaemon(true);
        return thread;
    });
    /** The batch handed over last, until it is seen written. */
    private Future<?> writing;

    private ChangeCopy(BulkLoad load, List<BulkLoad.Index> indexes, BulkLoad.Loader changes, int groupChanges) {
        this.load = load;
        this.indexes = indexes;
        this.changes = changes;
        this.groupChanges = groupChanges;
    }

    /** Drops the change tables' indexes and starts the COPY of {@code change}. */
    static ChangeCopy open(BulkLoad load) {
        return open(load, GROUP_CHANGES);
    }

    /** As {@link #open(BulkLoad)}, grouping keys over {@code groupChanges} changes. */
    static ChangeCopy open(BulkLoad load, int groupChanges) {
        try {
            List<BulkLoad.Index> indexes = load.dropIndexes(TABLES);
            return new ChangeCopy(load, indexes, load.loader("change", ChangeRows.COPY_CHANGES, true), groupChanges);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("starting the COPY of the changes failed: " + e.getMessage(), e);
        }
    }

    /** Streams a batch's changes: hands them to the writing thread once the batch before is written. */
    void add(List<Changes> batch) {
        awaitWritten();
        writing = writer.submit(() -> write(batch));
    }

    private void write(List<Changes> batch) {
        for (Changes c : batch) {
            if (c.changes().isEmpty()) {
                continue;
            }
            ChangeRows.Writer rows = writers.computeIfAbsent(c.chain(), ChangeRows.Writer::new);
            for (RecordedChange r : c.changes()) {
                changes.add(text -> rows.append(r, text));
            }
            ungrouped += c.changes().size();
        }
        if (ungrouped >= groupChanges) {
            writeKeys();
        }
    }

    /**
     * Writes the key rows of the changes written since the last call, grouped, each to the partition of its last
     * block (each COPY flushes its own text when full).
     */
    private void writeKeys() {
        for (ChangeRows.Writer rows : writers.values()) {
            rows.writeKeys((lastBlock, row) -> keys(lastBlock).add(row));
        }
        ungrouped = 0;
    }

    /** Waits for the batch handed over last to be written; its failure is thrown here. */
    private void awaitWritten() {
        Future<?> last = writing;
        if (last == null) {
            return;
        }
        writing = null;
        try {
            last.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the changes were written", e);
        }
    }

    /** The COPY into the key partition holding {@code block}, started (and the partition created) if needed. */
    private BulkLoad.Loader keys(long block) {
        for (int i = open.size() - 1; i >= 0; i--) {
            KeyPartition p = open.get(i);
            if (block >= p.first() && block < p.end()) {
                if (i != open.size() - 1) {
                    open.add(open.remove(i));
                }
                return p.loader();
            }
        }
        try {
            if (open.size() == OPEN_PARTITIONS) {
                KeyPartition leastRecent = open.remove(0);
                keyRows += leastRecent.loader().finish();
                leastRecent.loader().close();
            }
            BulkLoad.KeyPartition created = load.keyPartition(block);
            open.add(new KeyPartition(created.first(), created.end(), load.loader(created.name(),
                    ChangeRows.copyKeysInto(created.name()), loaded.add(created.name()))));
            return open.get(open.size() - 1).loader();
        } catch (SQLException e) {
            throw new IllegalStateException("starting the COPY of the change keys of block " + block + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** One key partition's range of blocks [first, end) and its COPY. */
    private record KeyPartition(long first, long end, BulkLoad.Loader loader) {
    }

    /** Ends the COPYs; returns the rows written. */
    long finish() throws SQLException {
        try {
            awaitWritten();
            writeKeys();
            long rows = changes.finish();
            for (KeyPartition p : open) {
                keyRows += p.loader().finish();
            }
            return rows + keyRows;
        } finally {
            close();
        }
    }

    /** The indexes dropped at the start, to be built again. */
    List<BulkLoad.Index> indexes() {
        return indexes;
    }

    /** Cancels what was not finished and releases the connections (once the batch being written is done with them). */
    @Override
    public void close() throws SQLException {
        try {
            awaitWritten();
        } catch (RuntimeException e) {
            // that batch failed (reported where it was awaited, or moot now): its connections are closed below
        } finally {
            writer.shutdown();
        }
        SQLException failed = null;
        for (BulkLoad.Loader loader : loaders()) {
            try {
                loader.close();
            } catch (SQLException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (failed != null) {
            throw failed;
        }
    }

    private List<BulkLoad.Loader> loaders() {
        List<BulkLoad.Loader> loaders = new ArrayList<>();
        loaders.add(changes);
        open.forEach(p -> loaders.add(p.loader()));
        return loaders;
    }
}
