package io.storagehub.projection.jdbi;

import io.storagehub.projection.BatchResult;
import org.jdbi.v3.core.Handle;

/**
 * Extra writes that must commit or roll back together with a batch, e.g. the dead-letter outbox rows of the
 * batch's rejected events. Runs inside the batch's transaction after the projection's own writes; throwing
 * rolls the whole batch back.
 */
@FunctionalInterface
public interface TransactionHook {
    TransactionHook NONE = (handle, result) -> {
    };

    void inTransaction(Handle handle, BatchResult result);
}
