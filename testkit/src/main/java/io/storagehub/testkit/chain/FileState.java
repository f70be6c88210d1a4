package io.storagehub.testkit.chain;

import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.U64;
import java.util.ArrayList;
import java.util.List;

/** A file the generator tracks, with the BSPs storing it. */
final class FileState {
    enum Status { REQUESTED, STORED, DELETION_REQUESTED, RETIRED }

    final FileKey key;
    final BucketState bucket;
    final Location location;
    final Hash32 fingerprint;
    final U64 size;
    final List<BspState> bsps = new ArrayList<>(3);
    Status status = Status.REQUESTED;
    boolean mspConfirmed;
    long replicationTarget;

    FileState(FileKey key, BucketState bucket, Location location, Hash32 fingerprint, U64 size,
              long replicationTarget) {
        this.key = key;
        this.bucket = bucket;
        this.location = location;
        this.fingerprint = fingerprint;
        this.size = size;
        this.replicationTarget = replicationTarget;
    }

    /** Enough BSPs and, when the bucket has an MSP, that MSP's acceptance: the request can be fulfilled. */
    boolean isReady() {
        return bsps.size() >= replicationTarget && (mspConfirmed || bucket.msp == null);
    }

    boolean needsBsp(BspState bsp) {
        return bsps.size() < replicationTarget && !bsps.contains(bsp);
    }
}
