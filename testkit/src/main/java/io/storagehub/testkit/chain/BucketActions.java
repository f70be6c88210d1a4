package io.storagehub.testkit.chain;

import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.FileSystemEvent.BucketDeleted;
import io.storagehub.schema.event.FileSystemEvent.BucketPrivacyUpdated;
import io.storagehub.schema.event.FileSystemEvent.MoveBucketAccepted;
import io.storagehub.schema.event.FileSystemEvent.MspStoppedStoringBucket;
import io.storagehub.schema.event.FileSystemEvent.NewBucket;
import io.storagehub.schema.event.ProvidersEvent.BucketRootChanged;
import io.storagehub.schema.event.ProvidersEvent.MspSignOffSuccess;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.ValuePropId;
import java.util.List;

/** Buckets: creation against MSP value propositions, privacy, moves, MSPs leaving, deletion of empty ones. */
final class BucketActions {
    private final World w;

    BucketActions(World w) {
        this.w = w;
    }

    List<Action> actions() {
        return List.of(
                Action.valid("newBucket", this::newBucketWeight, this::newBucket),
                Action.valid("bucketPrivacyUpdated", () -> 0.008, this::privacyUpdated),
                Action.valid("moveBucketAccepted", () -> 0.004, this::moveRandomBucket),
                Action.valid("mspStoppedStoringBucket", () -> 0.002, this::mspStoppedStoringRandomBucket),
                Action.valid("bucketDeleted", () -> w.emptyBuckets.isEmpty() ? 0 : 0.006, this::bucketDeleted),
                Action.valid("bucketRootChanged", () -> 0.03, this::bucketRootChanged),
                Action.valid("mspLeaves", this::mspLeavesWeight, this::mspLeaves));
    }

    private double newBucketWeight() {
        if (w.activeMsps.isEmpty()) {
            return 0;
        }
        return w.liveBuckets.size() < w.bucketTarget() ? 0.04 : 0.0005;
    }

    private NewBucket newBucket() {
        AccountId owner = w.user();
        MspState msp = w.rng.chance(0.04) ? null : w.openMsp(null);
        ValuePropId vp = msp == null || w.rng.chance(0.02) ? null : msp.randomAvailable(w.rng).id;
        Hash32 collection = w.rng.chance(0.2) ? w.ids.hash() : null;
        BucketState bucket = new BucketState(w.ids.bucket(), owner, msp, w.ids.hash(), collection,
                w.rng.chance(0.3));
        String name = w.texts.bucketName(w.bucketsCreated);
        w.addBucket(bucket);
        return new NewBucket(owner, msp == null ? null : msp.id, bucket.id, name, bucket.root, collection,
                bucket.isPrivate, vp);
    }

    private BucketPrivacyUpdated privacyUpdated() {
        BucketState bucket = w.liveBuckets.random(w.rng);
        if (bucket == null) {
            return null;
        }
        bucket.isPrivate = !bucket.isPrivate;
        if (w.rng.chance(0.3)) {
            bucket.collectionId = w.rng.chance(0.5) ? w.ids.hash() : null;
        }
        return new BucketPrivacyUpdated(bucket.owner, bucket.id, bucket.collectionId, bucket.isPrivate);
    }

    private MoveBucketAccepted moveRandomBucket() {
        BucketState bucket = w.liveBuckets.random(w.rng);
        return bucket == null ? null : move(bucket);
    }

    private MoveBucketAccepted move(BucketState bucket) {
        MspState target = w.openMsp(bucket.msp);
        if (target == null) {
            return null;
        }
        ProviderId old = bucket.msp == null ? null : bucket.msp.id;
        w.assign(bucket, target);
        return new MoveBucketAccepted(bucket.id, old, target.id, target.randomAvailable(w.rng).id);
    }

    private MspStoppedStoringBucket mspStoppedStoringRandomBucket() {
        BucketState bucket = w.liveBuckets.random(w.rng);
        return bucket == null || bucket.msp == null ? null : stopStoring(bucket);
    }

    private MspStoppedStoringBucket stopStoring(BucketState bucket) {
        MspState msp = bucket.msp;
        w.assign(bucket, null);
        return new MspStoppedStoringBucket(msp.id, bucket.owner, bucket.id);
    }

    private BucketDeleted bucketDeleted() {
        BucketState bucket = w.emptyBuckets.random(w.rng);
        if (bucket == null) {
            return null;
        }
        w.deleteBucket(bucket);
        return new BucketDeleted(bucket.owner, bucket.id);
    }

    private BucketRootChanged bucketRootChanged() {
        BucketState bucket = w.liveBuckets.random(w.rng);
        if (bucket == null) {
            return null;
        }
        Hash32 old = bucket.root;
        bucket.root = w.ids.hash();
        return new BucketRootChanged(bucket.id, old, bucket.root);
    }

    private double mspLeavesWeight() {
        if (w.leavingMsp != null) {
            return 0.03;
        }
        return w.activeMsps.size() > 3 ? 0.0005 : 0;
    }

    /**
     * An MSP leaves in steps, as on a real chain: it stops taking buckets, hands each bucket over to another
     * MSP (or stops storing it), and signs off once it stores none.
     */
    private ChainEvent mspLeaves() {
        if (w.leavingMsp == null) {
            w.leavingMsp = leastLoadedMsp();
            w.leavingMsp.leaving = true;
        }
        MspState msp = w.leavingMsp;
        if (msp.buckets.isEmpty()) {
            w.signOff(msp);
            return new MspSignOffSuccess(msp.account, msp.id);
        }
        BucketState bucket = msp.buckets.random(w.rng);
        if (w.rng.chance(0.7)) {
            MoveBucketAccepted moved = move(bucket);
            if (moved != null) {
                return moved;
            }
        }
        return stopStoring(bucket);
    }

    private MspState leastLoadedMsp() {
        MspState least = null;
        for (int i = 0; i < w.activeMsps.size(); i++) {
            MspState msp = w.activeMsps.get(i);
            if (least == null || msp.buckets.size() < least.buckets.size()) {
                least = msp;
            }
        }
        return least;
    }
}
