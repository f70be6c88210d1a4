package io.storagehub.indexer.consumer;

/**
 * Reads one Kafka record (key as UTF-8 text or null, value bytes) as an event or a poison verdict. Called from
 * several threads at once for a large batch, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface RecordDecoder {

    Decoded decode(String key, byte[] value);
}
