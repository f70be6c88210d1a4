package io.storagehub.testkit.chain;

import io.storagehub.schema.value.AccountId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generator's model of the chain: what exists, by the same rules the projection applies. It holds only
 * live entities (plus a bounded pool of expired, revoked or rejected files that may be requested again), so
 * memory stays flat however long the chain runs.
 */
final class World {
    static final int MAX_USERS = 5_000;
    static final int RETIRED_CAP = 2_000;

    final Rng rng;
    final Ids ids;
    final Texts texts;
    final Amounts amounts;
    final int liveFilesTarget;
    long block;

    final List<AccountId> users = new ArrayList<>();
    final List<ProviderState> everyProvider = new ArrayList<>();
    final Pool<MspState> activeMsps = new Pool<>();
    final Pool<BspState> activeBsps = new Pool<>();
    MspState leavingMsp;

    final Pool<BucketState> liveBuckets = new Pool<>();
    final Pool<BucketState> emptyBuckets = new Pool<>();
    long bucketsCreated;

    final Pool<FileState> requested = new Pool<>();
    final Pool<FileState> stored = new Pool<>();
    final Pool<FileState> deletionRequested = new Pool<>();
    final Pool<FileState> retired = new Pool<>();

    final Pool<StreamState> streams = new Pool<>();
    final Map<String, StreamState> streamsByKey = new HashMap<>();
    final Set<String> hugeChargedStreams = new HashSet<>();

    World(Rng rng, int liveFilesTarget) {
        this.rng = rng;
        this.ids = new Ids(rng);
        this.texts = new Texts(rng);
        this.amounts = new Amounts(rng);
        this.liveFilesTarget = liveFilesTarget;
    }

    int liveFiles() {
        return requested.size() + stored.size() + deletionRequested.size();
    }

    int bucketTarget() {
        return Math.max(20, liveFilesTarget / 25);
    }

    int streamTarget() {
        return Math.max(50, liveFilesTarget / 10);
    }

    /** A user account: mostly an existing one, sometimes a new one. */
    AccountId user() {
        if (users.isEmpty() || (users.size() < MAX_USERS && rng.chance(0.15))) {
            users.add(ids.account());
        }
        return rng.pick(users);
    }

    /** An active MSP that accepts new buckets and has an available value proposition, or null. */
    MspState openMsp(MspState other) {
        for (int attempt = 0; attempt < 8; attempt++) {
            MspState msp = activeMsps.random(rng);
            if (msp != null && msp != other && !msp.leaving && msp.randomAvailable(rng) != null) {
                return msp;
            }
        }
        return null;
    }

    ProviderState activeProvider() {
        int msps = activeMsps.size();
        int total = msps + activeBsps.size();
        if (total == 0) {
            return null;
        }
        int i = rng.nextInt(total);
        return i < msps ? activeMsps.get(i) : activeBsps.get(i - msps);
    }

    void assign(BucketState bucket, MspState msp) {
        if (bucket.msp != null) {
            bucket.msp.buckets.remove(bucket);
        }
        bucket.msp = msp;
        if (msp != null) {
            msp.buckets.add(bucket);
        }
    }

    void addBucket(BucketState bucket) {
        liveBuckets.add(bucket);
        emptyBuckets.add(bucket);
        assign(bucket, bucket.msp);
        bucketsCreated++;
    }

    /** The bucket is gone: it and its retired files can no longer be used. */
    void deleteBucket(BucketState bucket) {
        liveBuckets.remove(bucket);
        emptyBuckets.remove(bucket);
        assign(bucket, null);
        for (FileState file : retired.snapshot()) {
            if (file.bucket == bucket) {
                retired.remove(file);
                forget(file);
            }
        }
    }

    /** The file is (again) requested: count it in its bucket. */
    void request(FileState file) {
        file.status = FileState.Status.REQUESTED;
        file.mspConfirmed = false;
        retired.remove(file);
        requested.add(file);
        if (file.bucket.liveFiles++ == 0) {
            emptyBuckets.remove(file.bucket);
        }
    }

    /** Expired, revoked or rejected: kept (bounded) for a later request of the same key. */
    void retire(FileState file) {
        requested.remove(file);
        file.status = FileState.Status.RETIRED;
        leaveBucket(file);
        retired.add(file);
        if (retired.size() > RETIRED_CAP) {
            FileState evicted = retired.random(rng);
            retired.remove(evicted);
            forget(evicted);
        }
    }

    void fulfil(FileState file) {
        requested.remove(file);
        file.status = FileState.Status.STORED;
        stored.add(file);
    }

    void requestDeletion(FileState file) {
        stored.remove(file);
        file.status = FileState.Status.DELETION_REQUESTED;
        deletionRequested.add(file);
    }

    /** Deleted: its BSP associations go with it and the generator forgets it. */
    void delete(FileState file) {
        deletionRequested.remove(file);
        leaveBucket(file);
        forget(file);
    }

    void associate(BspState bsp, FileState file) {
        file.bsps.add(bsp);
        bsp.files.add(file);
    }

    void dissociate(BspState bsp, FileState file) {
        file.bsps.remove(bsp);
        bsp.files.remove(file);
    }

    void signOff(BspState bsp) {
        for (FileState file : bsp.files.snapshot()) {
            dissociate(bsp, file);
        }
        bsp.active = false;
        activeBsps.remove(bsp);
    }

    void signOff(MspState msp) {
        msp.active = false;
        msp.leaving = false;
        activeMsps.remove(msp);
        if (leavingMsp == msp) {
            leavingMsp = null;
        }
    }

    private void leaveBucket(FileState file) {
        if (--file.bucket.liveFiles == 0) {
            emptyBuckets.add(file.bucket);
        }
    }

    private void forget(FileState file) {
        for (BspState bsp : List.copyOf(file.bsps)) {
            dissociate(bsp, file);
        }
    }
}
