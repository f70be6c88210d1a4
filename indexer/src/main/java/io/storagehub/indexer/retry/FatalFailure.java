package io.storagehub.indexer.retry;

/** A failure that retrying cannot fix (schema mismatch, bad credentials, a bug): the process stops. */
public final class FatalFailure extends RuntimeException {

    public FatalFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public FatalFailure(String message) {
        super(message);
    }
}
