package io.storagehub.indexer.consumer;

import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.SourceOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read model as the consumer sees it: applies a batch, its checkpoint and its dead letters in one
 * transaction. Failures are thrown as {@link io.storagehub.indexer.retry.RetriableFailure},
 * {@link io.storagehub.indexer.retry.FatalFailure} or {@link ReadModelSwitchedException}.
 */
public interface BatchWriter {

    /**
     * Applies {@code batch}; {@code deadLetters} turns its result into the dead letters to store with it (the
     * batch's decode failures and rejected events), all committed together or not at all.
     */
    BatchResult write(Batch batch, Function<BatchResult, List<DeadLetter>> deadLetters);

    /**
     * Applies {@code batch} in memory ahead of its write, over the stored state and the batches prepared before it
     * and not yet committed, so that it can be applied while they are written. The writes are then made by
     * {@link Prepared#commit}, in the order the batches were prepared, each once the one before it committed. After
     * a commit fails, or when a prepared batch is not to be committed, {@link #discardPrepared} must be called
     * before anything else is written. Empty when this writer does not prepare: {@link #write} the batch instead.
     */
    default Optional<Prepared> prepare(Batch batch) {
        return Optional.empty();
    }

    /** Forgets every batch prepared and not committed. */
    default void discardPrepared() {
    }

    /** A batch applied by {@link #prepare}, its writes not made yet. */
    interface Prepared {
        /**
         * Makes the batch's writes, its checkpoint and its dead letters in one transaction (see {@link #write}).
         * Fails with {@link ReadModelSwitchedException}, or any other exception if the batch should be applied
         * again with {@link #write}; either way, nothing was written.
         */
        BatchResult commit(Function<BatchResult, List<DeadLetter>> deadLetters);
    }

    /** The stored next offset of a partition, if any batch of it was applied. */
    Optional<SourceOffset> checkpoint(String topic, int partition);
}
