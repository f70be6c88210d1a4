package io.storagehub.indexer.retry;

/** A failure of a dependency (database, broker) that is expected to pass: the work is retried, never skipped. */
public final class RetriableFailure extends RuntimeException {

    public RetriableFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
