package io.storagehub.testkit.chain;

import io.storagehub.schema.event.FileSystemEvent.BspConfirmStoppedStoring;
import io.storagehub.schema.event.FileSystemEvent.FileDeleted;
import io.storagehub.schema.event.FileSystemEvent.FileDeletionRequested;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestExpired;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestRejected;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestRevoked;
import java.util.List;

/** How files leave: requests expire, are revoked or rejected; BSPs stop storing; stored files get deleted. */
final class EndActions {
    private final World w;

    EndActions(World w) {
        this.w = w;
    }

    List<Action> actions() {
        return List.of(
                Action.valid("expired", () -> Action.saturating(0.015, w.requested.size(), 20), this::expired),
                Action.valid("revoked", () -> Action.saturating(0.007, w.requested.size(), 20), this::revoked),
                Action.valid("rejected", () -> Action.saturating(0.007, w.requested.size(), 20), this::rejected),
                Action.valid("bspStoppedStoring", () -> 0.02, this::bspStoppedStoring),
                Action.valid("deletionRequested", this::deletionWeight, this::deletionRequested),
                Action.valid("fileDeleted", () -> Action.saturating(0.08, w.deletionRequested.size(), 10),
                        this::fileDeleted));
    }

    private StorageRequestExpired expired() {
        FileState file = w.requested.random(w.rng);
        if (file == null) {
            return null;
        }
        w.retire(file);
        return new StorageRequestExpired(file.key);
    }

    private StorageRequestRevoked revoked() {
        FileState file = w.requested.random(w.rng);
        if (file == null) {
            return null;
        }
        w.retire(file);
        return new StorageRequestRevoked(file.key);
    }

    private StorageRequestRejected rejected() {
        FileState file = w.requested.random(w.rng);
        if (file == null) {
            return null;
        }
        w.retire(file);
        return new StorageRequestRejected(file.key, w.texts.rejectReason());
    }

    private BspConfirmStoppedStoring bspStoppedStoring() {
        for (int attempt = 0; attempt < 4; attempt++) {
            BspState bsp = w.activeBsps.random(w.rng);
            if (bsp != null && !bsp.files.isEmpty()) {
                FileState file = bsp.files.random(w.rng);
                w.dissociate(bsp, file);
                bsp.root = w.ids.hash();
                return new BspConfirmStoppedStoring(bsp.id, file.key, bsp.root);
            }
        }
        return null;
    }

    /** Owners delete steadily, and faster as the live file count nears its target (memory stays bounded). */
    private double deletionWeight() {
        if (w.stored.isEmpty()) {
            return 0;
        }
        return 0.03 + 0.08 * Math.min(1.5, (double) w.liveFiles() / w.liveFilesTarget);
    }

    private FileDeletionRequested deletionRequested() {
        FileState file = w.stored.random(w.rng);
        if (file == null) {
            return null;
        }
        w.requestDeletion(file);
        return new FileDeletionRequested(file.bucket.owner, file.key, file.bucket.id);
    }

    private FileDeleted fileDeleted() {
        FileState file = w.deletionRequested.random(w.rng);
        if (file == null) {
            return null;
        }
        w.delete(file);
        return new FileDeleted(file.key, file.bucket.id);
    }
}
