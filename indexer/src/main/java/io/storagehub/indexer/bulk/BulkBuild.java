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
    private final BulkBatchWriter writer;
    private final DataSource shadow;
    private final String schema;

    private BulkBuild(BulkState state, DataSource shadow, Jdbi shadowJdbi, String schema) {
        this.state = state;
        this.writer = new BulkBatchWriter(state, shadowJdbi);
        this.shadow = shadow;
        this.schema = schema;
    }

    /** Opens an empty state store in {@code directory} (emptied first) for the shadow schema {@code schema}. */
    public static BulkBuild open(Path directory, DataSource shadow, Jdbi shadowJdbi, String schema) {
        log.atInfo().addKeyValue("schema", schema).addKeyValue("state", directory).log("bulk mode: state store opened");
        return new BulkBuild(new BulkState(StateStore.openEmpty(directory)), shadow, shadowJdbi, schema);
    }

    /** Applies batches to the local state; dead letters go straight to the shadow schema. */
    public BatchWriter writer() {
        return writer;
    }

    /** Writes the state's rows into the shadow schema; returns the number of rows. */
    public long load() {
        try {
            return new BulkLoad(shadow, schema).load(state);
        } catch (SQLException e) {
            throw new IllegalStateException("loading the bulk state into " + schema + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        state.close();
    }
}
