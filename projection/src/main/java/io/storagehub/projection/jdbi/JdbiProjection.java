package io.storagehub.projection.jdbi;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Projection;
import io.storagehub.projection.ProjectionEngine;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.state.CachingLoader;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.RowCache;
import io.storagehub.schema.event.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The read model in Postgres. Each batch is one transaction: the chains' rows are locked and loaded (rows kept
 * from earlier batches by a {@link RowCache} are not read again), the shared
 * {@link ProjectionEngine} applies the events, the changes, digests, positions and source checkpoint are written
 * set-based, and a notification on {@link #INDEXED_CHANNEL} (payload: the chain) tells listeners, once the
 * transaction commits, that a chain advanced.
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
        Committed committed = jdbi.inTransaction(handle -> {
            handle.execute(Sql.of(JdbiProjection.class, "readCommitted"));
            CachingLoader loader = rows.over(new JdbiStateLoader(handle));
            ProjectionEngine.Result run = ProjectionEngine.run(batch, loader, recordChanges);
            new JdbiStateWriter(handle, projectionName).write(run.changes(), batch.checkpoint());
            List<String> advanced = run.changes().stream().map(Changes::chain).toList();
            if (!advanced.isEmpty()) {
                handle.createQuery(Sql.of(JdbiProjection.class, "notify"))
                        .bind("channel", INDEXED_CHANNEL)
                        .bindArray("chains", String.class, advanced)
                        .mapTo(String.class)
                        .list();
            }
            hook.inTransaction(handle, run.result());
            return new Committed(run, loader);
        });
        rows.publish(committed.loader(), committed.run().changes());
        return committed.run().result();
    }

    /** A batch's run and the loader it read through, once its transaction committed. */
    private record Committed(ProjectionEngine.Result run, CachingLoader loader) {
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
