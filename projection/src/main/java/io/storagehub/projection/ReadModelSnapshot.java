package io.storagehub.projection;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.PaymentStreamView;
import java.util.List;

/**
 * Every row of one chain's read model, deleted ones included, each list ordered by its key (payment streams by
 * user, then provider). Two read models hold the same state exactly when their snapshots are equal.
 */
public record ReadModelSnapshot(String chain, Position lastPosition, List<MspDetail> msps, List<BspView> bsps,
                                List<BucketView> buckets, List<FileView> files, List<PaymentStreamView> streams) {
    public ReadModelSnapshot {
        msps = List.copyOf(msps);
        bsps = List.copyOf(bsps);
        buckets = List.copyOf(buckets);
        files = List.copyOf(files);
        streams = List.copyOf(streams);
    }
}
