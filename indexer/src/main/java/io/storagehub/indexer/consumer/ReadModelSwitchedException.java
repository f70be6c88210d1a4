package io.storagehub.indexer.consumer;

/**
 * The read model's schema was replaced while the consumer ran (a rebuild switched it): the batch was rolled back
 * and the consumer must seek every partition to the checkpoints of the new schema.
 */
public final class ReadModelSwitchedException extends RuntimeException {

    public ReadModelSwitchedException(String message) {
        super(message);
    }
}
