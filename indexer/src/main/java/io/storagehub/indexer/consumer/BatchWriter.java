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

    /** The stored next offset of a partition, if any batch of it was applied. */
    Optional<SourceOffset> checkpoint(String topic, int partition);
}
