package io.storagehub.infra.devstack;

import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.PageRequest;
import java.util.Optional;

/** Real ids of the read model to show in example requests: an MSP, one of its buckets and a file in it. */
record ExampleIds(String chain, String mspId, String bucketId, String owner, String fileKey, String location) {
    private static final int SCAN = 20;

    /** The first MSP (by id) that has a bucket with files, or empty while there is none yet. */
    static Optional<ExampleIds> find(StorageQueries queries, String chain) {
        for (MspView msp : queries.msps(chain, PageRequest.first(SCAN)).items()) {
            for (BucketView bucket : queries.mspBuckets(chain, msp.mspId(), PageRequest.first(SCAN)).items()) {
                if (bucket.fileCount() == 0) {
                    continue;
                }
                Optional<FileView> file = queries.bucketFiles(chain, bucket.bucketId(), "", false,
                        PageRequest.first(1)).items().stream().findFirst();
                if (file.isPresent()) {
                    return Optional.of(new ExampleIds(chain, msp.mspId().hex(), bucket.bucketId().hex(),
                            bucket.owner().hex(), file.get().fileKey().hex(), file.get().location().path()));
                }
            }
        }
        return Optional.empty();
    }
}
