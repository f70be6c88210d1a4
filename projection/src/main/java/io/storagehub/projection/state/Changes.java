package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.time.Instant;
import java.util.List;

/**
 * Everything one unit of work changed for one chain, for the storage adapter to write. Rows are written as
 * upserts; {@code removedAssociations} and {@code deletedStreams} are deleted before {@code addedAssociations}
 * are upserted. {@code lastPosition} is the chain's new last applied position and {@code lastBlockTime} the time
 * of its block, {@code digests} the digests of the positions consumed (all empty when the batch had nothing new
 * for the chain). {@code changes} are the applied events kept as changes, in position order (empty when the unit
 * of work did not record changes).
 */
public record Changes(String chain, List<MspRow> msps, List<BspRow> bsps, List<ValuePropRow> valueProps,
                      List<BucketRow> buckets, List<FileRow> files, List<StreamRow> streams,
                      List<StreamRow.Key> deletedStreams, List<FileBspRow> addedAssociations,
                      List<FileBspRow> removedAssociations, Position lastPosition, Instant lastBlockTime,
                      List<Digest> digests, List<RecordedChange> changes) {

    /** The digest of the event consumed at a position. */
    public record Digest(Position position, long digest) {
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }
}
