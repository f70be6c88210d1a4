package io.storagehub.testkit.chain;

import io.storagehub.schema.event.FileSystemEvent.BspConfirmStoppedStoring;
import io.storagehub.schema.event.FileSystemEvent.BspConfirmedStoring;
import io.storagehub.schema.event.FileSystemEvent.BucketDeleted;
import io.storagehub.schema.event.FileSystemEvent.BucketPrivacyUpdated;
import io.storagehub.schema.event.FileSystemEvent.FileDeleted;
import io.storagehub.schema.event.FileSystemEvent.FileDeletionRequested;
import io.storagehub.schema.event.FileSystemEvent.MspAcceptedStorageRequest;
import io.storagehub.schema.event.FileSystemEvent.NewStorageRequest;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestExpired;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestFulfilled;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestRejected;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestRevoked;
import io.storagehub.schema.event.ProvidersEvent.BucketRootChanged;
import io.storagehub.schema.value.FileKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Poison on files and buckets: events the projection must reject. Each names an id that cannot exist (see
 * {@link Ids}) or breaks exactly one rule against the model, and none changes the model.
 */
final class FilePoison {
    private final World w;

    FilePoison(World w) {
        this.w = w;
    }

    List<Action> actions() {
        return List.of(
                Action.poison("statusOfUnknownFile", this::statusOfUnknownFile),
                Action.poison("bspConfirmsUnknownFile", this::bspConfirmsUnknownFile),
                Action.poison("unknownBspConfirms", this::unknownBspConfirms),
                Action.poison("bspStopsUnknownFile", this::bspStopsUnknownFile),
                Action.poison("requestInUnknownBucket", this::requestInUnknownBucket),
                Action.poison("requestOfLiveKey", this::requestOfLiveKey),
                Action.poison("deletionInOtherBucket", this::deletionInOtherBucket),
                Action.poison("unknownBucketUpdated", this::unknownBucketUpdated));
    }

    Emission statusOfUnknownFile() {
        FileKey key = w.ids.unknownFile();
        return Emission.unknown(switch (w.rng.nextInt(6)) {
            case 0 -> new MspAcceptedStorageRequest(key);
            case 1 -> new StorageRequestFulfilled(key);
            case 2 -> new StorageRequestExpired(key);
            case 3 -> new StorageRequestRevoked(key);
            case 4 -> new StorageRequestRejected(key, w.texts.rejectReason());
            default -> new FileDeleted(key, w.ids.unknownBucket());
        });
    }

    /** Valid keys plus one that does not exist: the whole event is rejected. */
    private Emission bspConfirmsUnknownFile() {
        BspState bsp = w.activeBsps.random(w.rng);
        if (bsp == null) {
            return null;
        }
        List<FileKey> keys = new ArrayList<>();
        FileState valid = w.requested.random(w.rng);
        if (valid != null && valid.needsBsp(bsp)) {
            keys.add(valid.key);
        }
        keys.add(w.rng.nextInt(keys.size() + 1), w.ids.unknownFile());
        return Emission.unknown(new BspConfirmedStoring(bsp.account, bsp.id, keys, List.of(), w.ids.hash()));
    }

    private Emission unknownBspConfirms() {
        FileState file = w.requested.random(w.rng);
        FileKey key = file == null ? w.ids.unknownFile() : file.key;
        return Emission.unknown(new BspConfirmedStoring(w.ids.unknownAccount(), w.ids.unknownProvider(),
                List.of(key), List.of(), w.ids.hash()));
    }

    private Emission bspStopsUnknownFile() {
        BspState bsp = w.activeBsps.random(w.rng);
        if (bsp == null) {
            return null;
        }
        return Emission.unknown(new BspConfirmStoppedStoring(bsp.id, w.ids.unknownFile(), w.ids.hash()));
    }

    private Emission requestInUnknownBucket() {
        return Emission.unknown(new NewStorageRequest(w.user(), w.ids.unknownFile(), w.ids.unknownBucket(),
                w.texts.location(1), w.ids.hash(), w.amounts.fileSize(), List.of(w.texts.peerId()),
                w.block + 100, 1));
    }

    /** A key that is requested, stored or being deleted cannot be requested again. */
    private Emission requestOfLiveKey() {
        Pool<FileState> pool = w.rng.chance(0.5) ? w.stored : w.requested;
        FileState file = pool.isEmpty() ? w.deletionRequested.random(w.rng) : pool.random(w.rng);
        if (file == null) {
            return null;
        }
        return Emission.exists(new NewStorageRequest(file.bucket.owner, file.key, file.bucket.id, file.location,
                file.fingerprint, file.size, List.of(w.texts.peerId()), w.block + 100, 1));
    }

    private Emission deletionInOtherBucket() {
        boolean requestDeletion = w.rng.chance(0.5) || w.deletionRequested.isEmpty();
        FileState file = requestDeletion ? w.stored.random(w.rng) : w.deletionRequested.random(w.rng);
        BucketState other = w.liveBuckets.random(w.rng);
        if (file == null || other == null || other == file.bucket) {
            return null;
        }
        return Emission.mismatch(requestDeletion
                ? new FileDeletionRequested(file.bucket.owner, file.key, other.id)
                : new FileDeleted(file.key, other.id));
    }

    private Emission unknownBucketUpdated() {
        return Emission.unknown(switch (w.rng.nextInt(3)) {
            case 0 -> new BucketPrivacyUpdated(w.user(), w.ids.unknownBucket(), null, true);
            case 1 -> new BucketDeleted(w.user(), w.ids.unknownBucket());
            default -> new BucketRootChanged(w.ids.unknownBucket(), w.ids.hash(), w.ids.hash());
        });
    }
}
