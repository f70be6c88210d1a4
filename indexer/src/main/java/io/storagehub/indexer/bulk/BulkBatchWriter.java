package io.storagehub.indexer.bulk;

import io.storagehub.indexer.consumer.BatchWriter;
import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.indexer.deadletter.DeadLetterOutbox;
import io.storagehub.indexer.retry.FatalFailure;
import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.ProjectionEngine;
import io.storagehub.projection.SourceOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies batches to a {@link BulkState} instead of Postgres: the shared {@link ProjectionEngine} runs over the
 * state store, the dead letters (few) go to the shadow schema's outbox, in one transaction per
 * {@link #DEAD_LETTERS_HELD} of them (nothing in the shadow schema is read before the load, and a crash drops it
 * whole), and the changes (append only) to their {@link ChangeCopy}. The rows reach Postgres once, at the end,
 * through {@link BulkLoad}.
 */
public final class BulkBatchWriter implements BatchWriter {
    /** Dead letters held before they are written: a transaction per batch that has some would cost more. */
    static final int DEAD_LETTERS_HELD = 1_000;
    private final BulkState state;
    private final ChangeCopy changes;
    private final Jdbi shadow;
    private final List<DeadLetter> letters = new ArrayList<>();

    /** {@code changes}: where applied events are streamed as changes (null: changes are not kept). */
    BulkBatchWriter(BulkState state, ChangeCopy changes, Jdbi shadow) {
        this.state = state;
        this.changes = changes;
        this.shadow = shadow;
    }

    @Override
    public BatchResult write(Batch batch, Function<BatchResult, List<DeadLetter>> deadLetters) {
        ProjectionEngine.Result run;
        try {
            run = ProjectionEngine.run(batch, state, changes != null);
            state.write(run.changes(), batch.checkpoint());
            if (changes != null) {
                changes.add(run.changes());
            }
        } catch (IllegalStateException e) {
            throw new FatalFailure(e.getMessage(), e);
        }
        letters.addAll(deadLetters.apply(run.result()));
        if (letters.size() >= DEAD_LETTERS_HELD) {
            writeDeadLetters();
        }
        return run.result();
    }

    /** Writes the dead letters held to the shadow schema's outbox, in offset order as they came. */
    void writeDeadLetters() {
        if (!letters.isEmpty()) {
            shadow.useTransaction(handle -> DeadLetterOutbox.insert(handle, letters));
            letters.clear();
        }
    }

    @Override
    public Optional<SourceOffset> checkpoint(String topic, int partition) {
        return state.checkpoint(topic, partition);
    }
}
