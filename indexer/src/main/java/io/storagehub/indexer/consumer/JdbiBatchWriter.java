package io.storagehub.indexer.consumer;

import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.indexer.deadletter.DeadLetterOutbox;
import io.storagehub.indexer.retry.Failures;
import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.TransactionHook;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The Postgres read model through {@link JdbiProjection}: the dead letters are inserted by the projection's
 * transaction hook, so they commit with the batch and its checkpoint. The hook also notices a rebuild's schema
 * switch: it compares the table that {@code source_checkpoint} resolves to now with the one it resolved to
 * before, and on a change rolls the batch back with {@link ReadModelSwitchedException} (the rebuild's switch
 * locks the old checkpoint table first, so a batch either commits before the switch or sees it).
 */
public final class JdbiBatchWriter implements BatchWriter {
    private static final long UNKNOWN = -1;
    private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

    private final Jdbi jdbi;
    private final JdbiProjection projection;
    /** Per topic partition: the checkpoint table its position was read from (or its first batch went to). */
    private final Map<String, Long> checkpointTables = new ConcurrentHashMap<>();

    public JdbiBatchWriter(Jdbi jdbi) {
        this(jdbi, JdbiProjection.DEFAULT_CACHED_ROWS);
    }

    /** A writer whose projection keeps up to {@code cachedRows} rows per table between batches (0: none). */
    public JdbiBatchWriter(Jdbi jdbi, int cachedRows) {
        this(jdbi, cachedRows, true);
    }

    /** {@code changes}: whether applied events are kept as changes (see {@link JdbiProjection}). */
    public JdbiBatchWriter(Jdbi jdbi, int cachedRows, boolean changes) {
        this.jdbi = jdbi;
        this.projection = new JdbiProjection(jdbi, JdbiProjection.LIVE, cachedRows, changes);
    }

    @Override
    public BatchResult write(Batch batch, Function<BatchResult, List<DeadLetter>> deadLetters) {
        try {
            return projection.apply(batch, hook(batch, deadLetters));
        } catch (ReadModelSwitchedException e) {
            projection.forgetCachedRows(); // the tables behind the cached rows were replaced
            throw e;
        } catch (RuntimeException e) {
            throw Failures.classify("applying a batch of " + batch.events().size() + " events", e);
        }
    }

    @Override
    public Optional<Prepared> prepare(Batch batch) {
        JdbiProjection.Prepared prepared = projection.prepare(batch);
        return Optional.of(deadLetters -> projection.commit(prepared, hook(batch, deadLetters)));
    }

    @Override
    public void discardPrepared() {
        projection.discardPrepared();
    }

    /** In the batch's transaction: the guard against a switched schema, then the dead letters. */
    private TransactionHook hook(Batch batch, Function<BatchResult, List<DeadLetter>> deadLetters) {
        return (handle, result) -> {
            batch.checkpoint().ifPresent(source -> guardSchema(handle, source));
            DeadLetterOutbox.insert(handle, deadLetters.apply(result));
        };
    }

    private void guardSchema(Handle handle, SourceOffset source) {
        long now = resolveCheckpointTable(handle);
        Long before = checkpointTables.putIfAbsent(key(source.topic(), source.partition()), now);
        if (before != null && before != now) {
            throw new ReadModelSwitchedException("source_checkpoint now resolves to another table (oid "
                    + before + " -> " + now + ")");
        }
    }

    private static long resolveCheckpointTable(Handle handle) {
        Long oid = handle.createQuery(SQL.locate(JdbiBatchWriter.class, "checkpointTable"))
                .mapTo(Long.class).one();
        return oid == null ? UNKNOWN : oid;
    }

    /**
     * The stored offset, read after noting which checkpoint table is current: a batch applied from this offset
     * is rejected if the schema was switched in between.
     */
    @Override
    public Optional<SourceOffset> checkpoint(String topic, int partition) {
        try {
            checkpointTables.put(key(topic, partition), jdbi.withHandle(JdbiBatchWriter::resolveCheckpointTable));
            return projection.checkpoint(topic, partition);
        } catch (RuntimeException e) {
            throw Failures.classify("reading the checkpoint of " + topic + "/" + partition, e);
        }
    }

    private static String key(String topic, int partition) {
        return topic + "/" + partition;
    }

    public JdbiProjection projection() {
        return projection;
    }
}
