package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a storage adapter reads for a unit of work, in bulk. Every row returned is a fresh copy the caller may
 * mutate. Keys that do not exist are simply absent from the answer.
 */
public interface StateLoader {

    /**
     * Takes the chain's write lock for the rest of the transaction (so that two writers of one chain serialize)
     * and answers its last applied position.
     */
    Optional<Position> lockChain(String chain);

    /** The recorded digests of events at these positions (positions never recorded are absent). */
    Map<Position, Long> digests(String chain, Collection<Position> positions);

    Map<String, MspRow> msps(String chain, Collection<String> mspIds);

    Map<String, BspRow> bsps(String chain, Collection<String> bspIds);

    Map<ValuePropRow.Key, ValuePropRow> valueProps(String chain, Collection<ValuePropRow.Key> keys);

    Map<String, BucketRow> buckets(String chain, Collection<String> bucketIds);

    Map<String, FileRow> files(String chain, Collection<String> fileKeys);

    Map<StreamRow.Key, StreamRow> streams(String chain, Collection<StreamRow.Key> keys);

    /** Every association (BSP storing a file) of these files. */
    List<FileBspRow> associationsOfFiles(String chain, Collection<String> fileKeys);

    /** Every association of this BSP. */
    List<FileBspRow> associationsOfBsp(String chain, String bspId);
}
