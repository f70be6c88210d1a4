package io.storagehub.testkit.chain;

import io.storagehub.schema.event.FileSystemEvent.BspConfirmedStoring;
import io.storagehub.schema.event.FileSystemEvent.MspAcceptedStorageRequest;
import io.storagehub.schema.event.FileSystemEvent.NewStorageRequest;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestFulfilled;
import io.storagehub.schema.value.FileKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Storage requests on their way to being stored: request, MSP acceptance, BSP confirmations, fulfilment. */
final class RequestActions {
    private static final int SAMPLES = 12;

    private final World w;

    RequestActions(World w) {
        this.w = w;
    }

    List<Action> actions() {
        return List.of(
                Action.valid("newStorageRequest", this::newRequestWeight, this::newStorageRequest),
                Action.valid("reRequest", () -> Action.saturating(0.01, w.retired.size(), 20), this::reRequest),
                Action.valid("mspAccepted", () -> Action.saturating(0.13, w.requested.size(), 20), this::mspAccepted),
                Action.valid("bspConfirmed", () -> Action.saturating(0.10, w.requested.size(), 20), this::bspConfirmed),
                Action.valid("fulfilled", () -> Action.saturating(0.10, w.requested.size(), 20), this::fulfilled));
    }

    private double newRequestWeight() {
        if (w.liveBuckets.isEmpty()) {
            return 0;
        }
        return w.liveFiles() < w.liveFilesTarget ? 0.17 : 0.008;
    }

    private NewStorageRequest newStorageRequest() {
        BucketState bucket = w.liveBuckets.random(w.rng);
        FileState file = new FileState(w.ids.file(), bucket, w.texts.location(++bucket.filesCreated),
                w.ids.hash(), w.amounts.fileSize(), replicationTarget());
        w.request(file);
        return event(file);
    }

    /** A key whose request expired, was revoked or rejected is requested again, in the same bucket. */
    private NewStorageRequest reRequest() {
        FileState file = w.retired.random(w.rng);
        if (file == null) {
            return null;
        }
        file.replicationTarget = replicationTarget();
        w.request(file);
        return event(file);
    }

    private NewStorageRequest event(FileState file) {
        List<String> peers = file.bucket.msp == null ? List.of(w.texts.peerId()) : file.bucket.msp.peerIds;
        return new NewStorageRequest(file.bucket.owner, file.key, file.bucket.id, file.location, file.fingerprint,
                file.size, peers, w.block + w.rng.between(50, 500), file.replicationTarget);
    }

    private MspAcceptedStorageRequest mspAccepted() {
        FileState file = sample(f -> !f.mspConfirmed && f.bucket.msp != null);
        if (file == null) {
            return null;
        }
        file.mspConfirmed = true;
        return new MspAcceptedStorageRequest(file.key);
    }

    /** One BSP confirms a group of requests at once; sometimes it skips keys it cannot take. */
    private BspConfirmedStoring bspConfirmed() {
        BspState bsp = w.activeBsps.random(w.rng);
        if (bsp == null) {
            return null;
        }
        int group = 1 + w.rng.nextInt(5);
        List<FileState> confirmed = new ArrayList<>();
        List<FileKey> skipped = new ArrayList<>();
        for (int i = 0; i < SAMPLES && confirmed.size() < group; i++) {
            FileState file = w.requested.random(w.rng);
            if (file == null) {
                break;
            }
            if (file.needsBsp(bsp) && !confirmed.contains(file)) {
                confirmed.add(file);
            } else if (skipped.size() < 2 && w.rng.chance(0.15) && !skipped.contains(file.key)) {
                skipped.add(file.key);
            }
        }
        if (confirmed.isEmpty()) {
            return null;
        }
        List<FileKey> keys = new ArrayList<>();
        for (FileState file : confirmed) {
            w.associate(bsp, file);
            keys.add(file.key);
            skipped.remove(file.key);
        }
        bsp.root = w.ids.hash();
        return new BspConfirmedStoring(bsp.account, bsp.id, keys, skipped, bsp.root);
    }

    private StorageRequestFulfilled fulfilled() {
        FileState file = sample(FileState::isReady);
        if (file == null) {
            return null;
        }
        w.fulfil(file);
        return new StorageRequestFulfilled(file.key);
    }

    private long replicationTarget() {
        double r = w.rng.nextDouble();
        return r < 0.3 ? 1 : r < 0.75 ? 2 : 3;
    }

    private FileState sample(Predicate<FileState> wanted) {
        for (int i = 0; i < SAMPLES; i++) {
            FileState file = w.requested.random(w.rng);
            if (file == null) {
                return null;
            }
            if (wanted.test(file)) {
                return file;
            }
        }
        return null;
    }
}
