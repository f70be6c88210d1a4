package io.storagehub.projection.jdbi;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Projection;
import io.storagehub.projection.ProjectionEngine;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.state.Changes;
import io.storagehub.schema.event.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The read model in Postgres. Each batch is one transaction: the chains' rows are locked and loaded, the shared
 * {@link ProjectionEngine} applies the events, the changes, digests, positions and source checkpoint are written
 * set-based, and a notification on {@link #INDEXED_CHANNEL} (payload: the chain) tells listeners, once the
 * transaction commits, that a chain advanced.
 */
public final class JdbiProjection implements Projection {
    /** The channel notified, with the chain name as payload, when a batch advancing that chain commits. */
    public static final String INDEXED_CHANNEL = "storagehub_indexed";
    /** The checkpoint name of the live indexer. */
    public static final String LIVE = "live";

    private final Jdbi jdbi;
    private final String projectionName;

    public JdbiProjection(Jdbi jdbi) {
        this(jdbi, LIVE);
    }

    /** A projection whose source checkpoints are stored under {@code projectionName}. */
    public JdbiProjection(Jdbi jdbi, String projectionName) {
        if (projectionName == null || projectionName.isBlank()) {
            throw new IllegalArgumentException("projection name must not be blank");
        }
        this.jdbi = jdbi;
        this.projectionName = projectionName;
    }

    @Override
    public BatchResult apply(Batch batch) {
        return apply(batch, TransactionHook.NONE);
    }

    /** Applies a batch and runs {@code hook} in the same transaction, after the batch's writes. */
    public BatchResult apply(Batch batch, TransactionHook hook) {
        return jdbi.inTransaction(handle -> {
            handle.execute(Sql.of(JdbiProjection.class, "readCommitted"));
            ProjectionEngine.Result run = ProjectionEngine.run(batch, new JdbiStateLoader(handle));
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
            return run.result();
        });
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
