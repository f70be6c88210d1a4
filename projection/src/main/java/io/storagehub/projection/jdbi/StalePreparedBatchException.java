package io.storagehub.projection.jdbi;

/**
 * A batch prepared ahead of its write was not committed because a chain it applied had been moved by another
 * writer since: its effects were computed from a state that is no longer the stored one. Nothing was written;
 * apply the batch again.
 */
public final class StalePreparedBatchException extends RuntimeException {
    public StalePreparedBatchException(String message) {
        super(message);
    }
}
