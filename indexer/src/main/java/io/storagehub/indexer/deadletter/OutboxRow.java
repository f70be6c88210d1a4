package io.storagehub.indexer.deadletter;

import java.time.Instant;

/**
 * A dead letter as stored in the outbox, with the id that identifies it in the dead-letter topic and the time it
 * was stored (the commit of the batch that met it).
 */
public record OutboxRow(long id, DeadLetter letter, Instant createdAt) {
}
