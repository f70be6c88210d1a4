package io.storagehub.indexer.deadletter;

/** A dead letter as stored in the outbox, with the id that identifies it in the dead-letter topic. */
public record OutboxRow(long id, DeadLetter letter) {
}
