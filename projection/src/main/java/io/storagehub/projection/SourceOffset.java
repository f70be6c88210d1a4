package io.storagehub.projection;

/** How far a batch got in its source: the next offset to read from a topic partition. */
public record SourceOffset(String topic, int partition, long nextOffset) {
    public SourceOffset {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (partition < 0 || nextOffset < 0) {
            throw new IllegalArgumentException("partition and nextOffset must be >= 0");
        }
    }
}
