package io.storagehub.projection.memory;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.event.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One chain's rows in memory. Maps keyed by id are sorted in the byte order the API pages by. */
final class ChainTables {
    final TreeMap<String, MspRow> msps = new TreeMap<>();
    final TreeMap<String, BspRow> bsps = new TreeMap<>();
    final Map<ValuePropRow.Key, ValuePropRow> valueProps = new HashMap<>();
    final TreeMap<String, BucketRow> buckets = new TreeMap<>();
    final TreeMap<String, FileRow> files = new TreeMap<>();
    final Map<StreamRow.Key, StreamRow> streams = new HashMap<>();
    /** fileKey -> (bspId -> association). */
    final Map<String, TreeMap<String, FileBspRow>> associationsByFile = new HashMap<>();
    /** bspId -> (fileKey -> association). */
    final Map<String, TreeMap<String, FileBspRow>> associationsByBsp = new HashMap<>();
    final Map<Position, Long> digests = new HashMap<>();
    /** The changes in position order, and for each key the indexes of its changes in that list (ascending). */
    final List<RecordedChange> changes = new ArrayList<>();
    final Map<String, List<Integer>> changesByKey = new HashMap<>();
    Position lastPosition;
    Instant updatedAt;

    void addAssociation(FileBspRow row) {
        associationsByFile.computeIfAbsent(row.fileKey(), k -> new TreeMap<>()).put(row.bspId(), row);
        associationsByBsp.computeIfAbsent(row.bspId(), k -> new TreeMap<>()).put(row.fileKey(), row);
    }

    void addChange(RecordedChange change) {
        int at = changes.size();
        changes.add(change);
        change.keys().forEach(k -> changesByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(at));
    }

    void removeAssociation(FileBspRow row) {
        TreeMap<String, FileBspRow> byBsp = associationsByFile.get(row.fileKey());
        if (byBsp != null) {
            byBsp.remove(row.bspId());
        }
        TreeMap<String, FileBspRow> byFile = associationsByBsp.get(row.bspId());
        if (byFile != null) {
            byFile.remove(row.fileKey());
        }
    }
}
