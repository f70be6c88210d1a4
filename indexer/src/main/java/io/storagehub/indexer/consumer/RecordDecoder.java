package io.storagehub.indexer.consumer;

/** Reads one Kafka record (key as UTF-8 text or null, value bytes) as an event or a poison verdict. */
@FunctionalInterface
public interface RecordDecoder {

    Decoded decode(String key, byte[] value);
}
