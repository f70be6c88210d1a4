package io.storagehub.testkit.chain;

import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.value.FileKey;

/** The file-status part of {@link ApplyRules}: acceptance, confirmations, outcomes, deletion. */
final class FileStatusRules {
    private FileStatusRules() {
    }

    static Verdict apply(ApplyRules rules, FileSystemEvent e) {
        if (e instanceof FileSystemEvent.MspAcceptedStorageRequest) {
            return ApplyRules.known(rules.fileLive(((FileSystemEvent.MspAcceptedStorageRequest) e).fileKey().hex()));
        }
        if (e instanceof FileSystemEvent.BspConfirmedStoring) {
            FileSystemEvent.BspConfirmedStoring c = (FileSystemEvent.BspConfirmedStoring) e;
            if (!rules.isBsp(c.bspId().hex())) {
                return Verdict.UNKNOWN_ENTITY;
            }
            for (FileKey key : c.confirmedFileKeys()) {
                if (!rules.fileLive(key.hex())) {
                    return Verdict.UNKNOWN_ENTITY;
                }
            }
            return Verdict.APPLIED;
        }
        if (e instanceof FileSystemEvent.StorageRequestFulfilled) {
            return status(rules, ((FileSystemEvent.StorageRequestFulfilled) e).fileKey(), "stored");
        }
        if (e instanceof FileSystemEvent.StorageRequestExpired) {
            return status(rules, ((FileSystemEvent.StorageRequestExpired) e).fileKey(), "expired");
        }
        if (e instanceof FileSystemEvent.StorageRequestRevoked) {
            return status(rules, ((FileSystemEvent.StorageRequestRevoked) e).fileKey(), "revoked");
        }
        if (e instanceof FileSystemEvent.StorageRequestRejected) {
            return status(rules, ((FileSystemEvent.StorageRequestRejected) e).fileKey(), "rejected");
        }
        if (e instanceof FileSystemEvent.BspConfirmStoppedStoring) {
            FileSystemEvent.BspConfirmStoppedStoring s = (FileSystemEvent.BspConfirmStoppedStoring) e;
            return ApplyRules.known(rules.isBsp(s.bspId().hex()) && rules.file(s.fileKey().hex()) != null);
        }
        if (e instanceof FileSystemEvent.FileDeletionRequested) {
            FileSystemEvent.FileDeletionRequested d = (FileSystemEvent.FileDeletionRequested) e;
            return inBucket(rules, d.fileKey(), d.bucketId().hex(), "deletion_requested");
        }
        if (e instanceof FileSystemEvent.FileDeleted) {
            FileSystemEvent.FileDeleted d = (FileSystemEvent.FileDeleted) e;
            return inBucket(rules, d.fileKey(), d.bucketId().hex(), "deleted");
        }
        throw new AssertionError("unhandled " + e);
    }

    private static Verdict status(ApplyRules rules, FileKey key, String status) {
        if (!rules.fileLive(key.hex())) {
            return Verdict.UNKNOWN_ENTITY;
        }
        rules.setStatus(rules.file(key.hex()), status);
        return Verdict.APPLIED;
    }

    private static Verdict inBucket(ApplyRules rules, FileKey key, String bucketId, String status) {
        if (!rules.fileLive(key.hex())) {
            return Verdict.UNKNOWN_ENTITY;
        }
        if (!rules.file(key.hex()).bucket.equals(bucketId)) {
            return Verdict.MISMATCH;
        }
        rules.setStatus(rules.file(key.hex()), status);
        return Verdict.APPLIED;
    }
}
