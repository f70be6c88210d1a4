package io.storagehub.reliability.http;

import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.ProvidersEvent;
import java.util.List;

/** Ids that exist in a generated chain's read model, for well-formed requests with one bad part. */
record KnownIds(String chain, String msp, String bsp, String bucket, String file, String account) {

    static KnownIds of(String chain, List<Envelope> events) {
        String msp = null;
        String bsp = null;
        String bucket = null;
        String file = null;
        String account = null;
        for (Envelope e : events) {
            if (msp == null && e.event() instanceof ProvidersEvent.MspSignUpSuccess s) {
                msp = s.mspId().hex();
            } else if (bsp == null && e.event() instanceof ProvidersEvent.BspSignUpSuccess s) {
                bsp = s.bspId().hex();
            } else if (bucket == null && e.event() instanceof FileSystemEvent.NewBucket b) {
                bucket = b.bucketId().hex();
                account = b.who().hex();
            } else if (file == null && e.event() instanceof FileSystemEvent.NewStorageRequest r) {
                file = r.fileKey().hex();
            }
        }
        return new KnownIds(chain, msp, bsp, bucket, file, account);
    }

    /** Good requests: one per kind of read, all answered 200 from the filled read model. */
    List<String> goodPaths() {
        String base = "/v1/chains/" + chain;
        return List.of(base + "/msps/" + msp, base + "/bsps?limit=50", base + "/buckets/" + bucket,
                base + "/buckets/" + bucket + "/files?limit=20", base + "/files/" + file,
                base + "/accounts/" + account + "/buckets", base + "/bsps/" + bsp + "/files?limit=20",
                "/v1/chains");
    }
}
