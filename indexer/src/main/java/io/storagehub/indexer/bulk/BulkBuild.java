package io.storagehub.indexer.bulk;

import io.storagehub.indexer.consumer.BatchWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read model built in bulk mode into a freshly migrated shadow schema: replay the topic through {@link #writer()}
 * (the events are applied to a local state store, not to Postgres), then {@link #load()} writes the final rows
 * with {@code COPY}. {@link #close()} deletes the local state. A crash loses only the shadow schema and the state
 * directory; a new run starts both afresh.
 */
public final class BulkBuild implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BulkBuild.class);

    private final BulkState state;
    private final ChangeCopy changes;
    private final BulkBatchWriter writer;
    private final DataSource shadow;
    private final String schema;

    private BulkBuild(BulkState state, ChangeCopy changes, DataSource shadow, Jdbi shadowJdbi, String schema) {
        this.state = state;
        this.changes = changes;
        this.writer = new BulkBatchWriter(state, changes, shadowJdbi);
        this.shadow = shadow;
        this.schema = schema;
    }

    /** Opens an empty state store in {@code directory} (emptied first) for the shadow schema {@code schema}. */
    public static BulkBuild open(Path directory, DataSource shadow, Jdbi shadowJdbi, String schema) {
        return open(directory, shadow, shadowJdbi, schema, true);
    }

    /**
     * As {@link #open(Path, DataSource, Jdbi, String)}; {@code keepChanges}: whether applied events are kept as
     * changes, streamed to the shadow schema's change tables during the replay ({@link ChangeCopy#CONNECTIONS}
     * connections of {@code shadow} stay in use until {@link #load}).
     */
    public static BulkBuild open(Path directory, DataSource shadow, Jdbi shadowJdbi, String schema,
                                 boolean keepChanges) {
        BulkState state = new BulkState(StateStore.openEmpty(directory));
        ChangeCopy changes = null;
        try {
            changes = keepChanges ? ChangeCopy.open(new BulkLoad(shadow, schema)) : null;
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        log.atInfo().addKeyValue("schema", schema).addKeyValue("state", directory)
                .addKeyValue("changes", keepChanges ? "on" : "off").log("bulk mode: state store opened");
        return new BulkBuild(state, changes, shadow, shadowJdbi, schema);
    }

    /** Applies batches to the local state; dead letters go straight to the shadow schema. */
    public BatchWriter writer() {
        return writer;
    }

    /** Writes the state's rows into the shadow schema; returns the number of rows. */
    public long load() {
        try {
            writer.writeDeadLetters();
            return new BulkLoad(shadow, schema).load(state, changes);
        } catch (SQLException e) {
            throw new IllegalStateException("loading the bulk state into " + schema + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (changes != null) {
                changes.close();
            }
        } catch (SQLException e) {
            log.warn("closing the COPY of the changes into {}: {}", schema, e.toString());
        } finally {
            state.close();
        }
    }
}
