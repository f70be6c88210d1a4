package io.storagehub.projection.jdbi;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Projection;
import io.storagehub.projection.ProjectionEngine;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.state.CachingLoader;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.PendingChanges;
import io.storagehub.projection.state.RowCache;
import io.storagehub.projection.table.ChangeRows;
import io.storagehub.schema.event.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The read model in Postgres. Each batch is one transaction: the chains' rows are locked and loaded (rows kept
 * from earlier batches by a {@link RowCache} are not read again), the shared
 * {@link ProjectionEngine} applies the events, the changes, digests, positions and source checkpoint are written
 * set-based, and a notification on {@link #INDEXED_CHANNEL} (payload: the chain) tells listeners, once the
 * transaction commits, that a chain advanced. Or, split in two so that a batch can be applied while the one before
 * it is written: {@link #prepare} applies it in memory, {@link #commit} writes it.
 */
public final class JdbiProjection implements Projection {
    /** The channel notified, with the chain name as payload, when a batch advancing that chain commits. */
    public static final String INDEXED_CHANNEL = "storagehub_indexed";
    /** The checkpoint name of the live indexer. */
    public static final String LIVE = "live";

    /** Rows kept per table and chain between batches by default. */
    public static final int DEFAULT_CACHED_ROWS = 50_000;

    private final Jdbi jdbi;
    private final String projectionName;
    private final RowCache rows;
    private final boolean recordChanges;
    private final PendingChanges pending = new PendingChanges();

    public JdbiProjection(Jdbi jdbi) {
        this(jdbi, LIVE);
    }

    /** A projection whose source checkpoints are stored under {@code projectionName}. */
    public JdbiProjection(Jdbi jdbi, String projectionName) {
        this(jdbi, projectionName, DEFAULT_CACHED_ROWS);
    }

    /**
     * A projection that keeps up to {@code cachedRows} rows per table and chain between batches (see
     * {@link RowCache}; 0: every batch reads all its rows from Postgres).
     */
    public JdbiProjection(Jdbi jdbi, String projectionName, int cachedRows) {
        this(jdbi, projectionName, cachedRows, true);
    }

    /**
     * {@code recordChanges}: whether applied events are kept as changes (the {@code change} and {@code change_key}
     * tables, written in the batch's transaction); off, nothing is written to them.
     */
    public JdbiProjection(Jdbi jdbi, String projectionName, int cachedRows, boolean recordChanges) {
        if (projectionName == null || projectionName.isBlank()) {
            throw new IllegalArgumentException("projection name must not be blank");
        }
        this.jdbi = jdbi;
        this.projectionName = projectionName;
        this.rows = new RowCache(cachedRows);
        this.recordChanges = recordChanges;
    }

    @Override
    public BatchResult apply(Batch batch) {
        return apply(batch, TransactionHook.NONE);
    }

    /** Applies a batch and runs {@code hook} in the same transaction, after the batch's writes. */
    public BatchResult apply(Batch batch, TransactionHook hook) {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("prepared batches are waiting to be committed or discarded");
        }
        Committed committed = jdbi.inTransaction(handle -> {
            handle.execute(Sql.of(JdbiProjection.class, "readCommitted"));
            CachingLoader loader = rows.over(new JdbiStateLoader(handle));
            ProjectionEngine.Result run = ProjectionEngine.run(batch, loader, recordChanges);
            write(handle, run, ChangeRows.Encoded.of(run.changes()), batch, hook);
            return new Committed(run, loader);
        });
        rows.publish(committed.loader(), committed.run().changes());
        return committed.run().result();
    }

    /** A batch's run and the loader it read through, once its transaction committed. */
    private record Committed(ProjectionEngine.Result run, CachingLoader loader) {
    }

    /**
     * Applies a batch in memory, ahead of its write, so that it can be applied while the batches prepared before
     * it are still being written: it reads the stored rows (outside any transaction, taking no lock) under the
     * rows those batches wrote. Its writes are made by {@link #commit}, which must be called in the order the
     * batches were prepared, each once the one before it committed. If a commit fails, or a batch prepared is not
     * to be committed, {@link #discardPrepared} must be called before anything else is applied. The batch's change
     * rows are encoded here too, so that its transaction only sends them.
     */
    public Prepared prepare(Batch batch) {
        record Applied(ProjectionEngine.Result run, SortedMap<String, Optional<Position>> from, Object layer) {
        }
        Applied applied = jdbi.withHandle(handle -> {
            CachingLoader loader = rows.over(pending.over(JdbiStateLoader.unlocked(handle)));
            ProjectionEngine.Result run = ProjectionEngine.run(batch, loader, recordChanges);
            Object layer = pending.add(run.changes());
            rows.publish(loader, run.changes());
            return new Applied(run, new TreeMap<>(loader.locked()), layer);
        });
        // encoded with the connection back in the pool: only the COPY itself runs in the batch's transaction
        return new Prepared(batch, applied.run(), ChangeRows.Encoded.of(applied.run().changes()), applied.from(),
                applied.layer());
    }

    /**
     * Writes a prepared batch in one transaction with {@code hook}: first each chain it applied is locked and its
     * position compared with the one the batch was applied from; if another writer moved it in between, nothing is
     * written and {@link StalePreparedBatchException} is thrown.
     */
    public BatchResult commit(Prepared prepared, TransactionHook hook) {
        jdbi.useTransaction(handle -> {
            handle.execute(Sql.of(JdbiProjection.class, "readCommitted"));
            JdbiStateLoader locks = new JdbiStateLoader(handle);
            prepared.from().forEach((chain, from) -> { // in name order, as the engine locks them
                Optional<Position> now = locks.lockChain(chain);
                if (!now.equals(from)) {
                    throw new StalePreparedBatchException("chain " + chain + " is at " + now.map(Object::toString)
                            .orElse("its origin") + ", the batch was applied from " + from.map(Object::toString)
                            .orElse("its origin"));
                }
            });
            write(handle, prepared.run(), prepared.changeRows(), prepared.batch(), hook);
        });
        pending.remove(prepared.layer());
        return prepared.run().result();
    }

    /** Forgets the batches prepared and not committed, and the rows kept between batches, which include theirs. */
    public void discardPrepared() {
        pending.clear();
        rows.clear();
    }

    /**
     * A batch applied by {@link #prepare}, with its change rows encoded for the COPY and the position of each
     * chain it was applied from.
     */
    public record Prepared(Batch batch, ProjectionEngine.Result run, ChangeRows.Encoded changeRows,
                           SortedMap<String, Optional<Position>> from, Object layer) {
    }

    /** The batch's writes, its checkpoint, the notification of the chains it advanced, then {@code hook}. */
    private void write(Handle handle, ProjectionEngine.Result run, ChangeRows.Encoded changeRows, Batch batch,
                       TransactionHook hook) {
        Statements statements = new Statements();
        List<String> advanced = run.changes().stream().map(Changes::chain).toList();
        if (!advanced.isEmpty()) {
            statements.add(Sql.of(JdbiProjection.class, "notify"), Map.of("channel",
                    Statements.value(INDEXED_CHANNEL), "chains", Statements.value(advanced.toArray(String[]::new))));
        }
        new JdbiStateWriter(handle, projectionName).write(run.changes(), changeRows, batch.checkpoint(), statements);
        hook.inTransaction(handle, run.result());
    }

    /**
     * Forgets the rows kept between batches. Needed only when the tables behind this projection were replaced
     * (a rebuild's schema switch): a chain's rows are otherwise checked against its position on every batch.
     */
    public void forgetCachedRows() {
        rows.clear();
    }

    @Override
    public Optional<SourceOffset> checkpoint(String topic, int partition) {
        return jdbi.withHandle(handle -> handle.createQuery(Sql.of(JdbiProjection.class, "checkpoint"))
                .bind("projection", projectionName)
                .bind("topic", topic)
                .bind("partition", partition)
                .map((rs, ctx) -> new SourceOffset(topic, partition, rs.getLong("next_offset")))
                .findOne());
    }

    @Override
    public Map<String, Position> chainPositions() {
        Map<String, Position> positions = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery(Sql.of(JdbiProjection.class, "chainPositions"))
                .map((rs, ctx) -> Map.entry(rs.getString("chain"),
                        new Position(rs.getLong("last_block"), rs.getLong("last_index"))))
                .forEach(e -> positions.put(e.getKey(), e.getValue())));
        return positions;
    }
}
