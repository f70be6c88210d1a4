package io.storagehub.indexer.deadletter;

/** Dead letters in the outbox: already published to the dead-letter topic, and waiting for the relay. */
public record OutboxCounts(long published, long pending) {
}
