package io.storagehub.projection.apply;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.FileStatus;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.FileSystemEvent.BspConfirmStoppedStoring;
import io.storagehub.schema.event.FileSystemEvent.BspConfirmedStoring;
import io.storagehub.schema.event.FileSystemEvent.BucketDeleted;
import io.storagehub.schema.event.FileSystemEvent.BucketPrivacyUpdated;
import io.storagehub.schema.event.FileSystemEvent.FileDeleted;
import io.storagehub.schema.event.FileSystemEvent.FileDeletionRequested;
import io.storagehub.schema.event.FileSystemEvent.MoveBucketAccepted;
import io.storagehub.schema.event.FileSystemEvent.MspAcceptedStorageRequest;
import io.storagehub.schema.event.FileSystemEvent.MspStoppedStoringBucket;
import io.storagehub.schema.event.FileSystemEvent.NewBucket;
import io.storagehub.schema.event.FileSystemEvent.NewStorageRequest;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestExpired;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestFulfilled;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestRejected;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestRevoked;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.ValuePropId;
import java.util.ArrayList;
import java.util.List;

/** The effects of the {@code FileSystem} pallet's events. */
final class FileSystemEffects {
    private final Effects fx;

    FileSystemEffects(Effects fx) {
        this.fx = fx;
    }

    void apply(FileSystemEvent event) throws Rejection {
        if (event instanceof NewBucket e) {
            newBucket(e);
        } else if (event instanceof BucketPrivacyUpdated e) {
            BucketRow bucket = fx.requireLiveBucket(e.bucketId().hex());
            fx.changeBucket(bucket, b -> {
                b.isPrivate = e.isPrivate();
                b.collectionId = hexOrNull(e.collectionId());
            });
        } else if (event instanceof MoveBucketAccepted e) {
            BucketRow bucket = fx.requireLiveBucket(e.bucketId().hex());
            fx.requireMsp(e.newMspId().hex());
            requireValueProp(e.newMspId().hex(), e.valuePropId());
            fx.changeBucket(bucket, b -> {
                b.mspId = e.newMspId().hex();
                b.valuePropId = e.valuePropId().hex();
            });
        } else if (event instanceof MspStoppedStoringBucket e) {
            BucketRow bucket = fx.requireLiveBucket(e.bucketId().hex());
            fx.requireMsp(e.mspId().hex());
            if (!e.mspId().hex().equals(bucket.mspId)) {
                throw Rejection.mismatch("bucket " + bucket.bucketId + " is not stored by MSP " + e.mspId());
            }
            fx.changeBucket(bucket, b -> b.mspId = null);
        } else if (event instanceof BucketDeleted e) {
            BucketRow bucket = fx.requireLiveBucket(e.bucketId().hex());
            fx.changeBucket(bucket, b -> b.deleted = true);
        } else if (event instanceof NewStorageRequest e) {
            newStorageRequest(e);
        } else if (event instanceof MspAcceptedStorageRequest e) {
            fx.changeFile(fx.requireLiveFile(e.fileKey().hex()), f -> f.mspConfirmed = true);
        } else if (event instanceof BspConfirmedStoring e) {
            bspConfirmedStoring(e);
        } else if (event instanceof StorageRequestFulfilled e) {
            status(e.fileKey(), FileStatus.STORED, null);
        } else if (event instanceof StorageRequestExpired e) {
            status(e.fileKey(), FileStatus.EXPIRED, null);
        } else if (event instanceof StorageRequestRevoked e) {
            status(e.fileKey(), FileStatus.REVOKED, null);
        } else if (event instanceof StorageRequestRejected e) {
            status(e.fileKey(), FileStatus.REJECTED, e.reason());
        } else if (event instanceof BspConfirmStoppedStoring e) {
            BspRow bsp = fx.requireBsp(e.bspId().hex());
            FileRow file = fx.requireFile(e.fileKey().hex());
            fx.removeAssociation(bsp, file);
            bsp.root = e.newRoot().hex();
            fx.touch(bsp);
        } else if (event instanceof FileDeletionRequested e) {
            FileRow file = fileInBucket(e.fileKey(), e.bucketId().hex());
            fx.changeFile(file, f -> f.status = FileStatus.DELETION_REQUESTED);
        } else if (event instanceof FileDeleted e) {
            fileDeleted(fileInBucket(e.fileKey(), e.bucketId().hex()));
        } else {
            throw new IllegalStateException("no effect for " + event.getClass().getName());
        }
    }

    private void newBucket(NewBucket e) throws Rejection {
        String id = e.bucketId().hex();
        if (fx.uow().bucket(id) != null) {
            throw Rejection.exists("bucket", id);
        }
        if (e.mspId() != null) {
            fx.requireMsp(e.mspId().hex());
            if (e.valuePropId() != null) {
                requireValueProp(e.mspId().hex(), e.valuePropId());
            }
        }
        BucketRow bucket = new BucketRow();
        bucket.chain = fx.uow().chain();
        bucket.bucketId = id;
        bucket.owner = e.who().hex();
        bucket.created = fx.position();
        fx.changeBucket(bucket, b -> {
            b.mspId = e.mspId() == null ? null : e.mspId().hex();
            b.name = e.bucketName();
            b.root = e.root().hex();
            b.isPrivate = e.isPrivate();
            b.collectionId = hexOrNull(e.collectionId());
            b.valuePropId = e.valuePropId() == null ? null : e.valuePropId().hex();
        });
    }

    private void newStorageRequest(NewStorageRequest e) throws Rejection {
        String key = e.fileKey().hex();
        BucketRow bucket = fx.requireLiveBucket(e.bucketId().hex());
        FileRow file = fx.uow().file(key);
        if (file != null && file.inBucket()) {
            throw Rejection.exists("file", key);
        }
        if (file != null && !file.bucketId.equals(bucket.bucketId)) {
            throw Rejection.mismatch("file " + key + " belongs to bucket " + file.bucketId);
        }
        if (file == null) {
            file = new FileRow();
            file.chain = fx.uow().chain();
            file.fileKey = key;
            file.bucketId = bucket.bucketId;
            file.status = FileStatus.EXPIRED;
        }
        file.created = fx.position();
        fx.changeFile(file, f -> {
            f.owner = e.who().hex();
            f.location = e.location().path();
            f.fingerprint = e.fingerprint().hex();
            f.size = e.size().value();
            f.peerIds = new ArrayList<>(e.peerIds());
            f.status = FileStatus.REQUESTED;
            f.mspConfirmed = false;
            f.bspsRequired = e.replicationTarget();
            f.expiresAt = e.expiresAt();
            f.rejectReason = null;
        });
    }

    private void bspConfirmedStoring(BspConfirmedStoring e) throws Rejection {
        BspRow bsp = fx.requireBsp(e.bspId().hex());
        List<FileRow> files = new ArrayList<>();
        for (FileKey key : e.confirmedFileKeys()) {
            files.add(fx.requireLiveFile(key.hex()));
        }
        for (FileRow file : files) {
            fx.addAssociation(bsp, file);
        }
        bsp.root = e.newRoot().hex();
        fx.touch(bsp);
    }

    private void fileDeleted(FileRow file) {
        for (String bspId : fx.uow().associationsOfFile(file.fileKey).keySet().stream().sorted().toList()) {
            fx.removeAssociation(fx.uow().bsp(bspId), file);
        }
        fx.changeFile(file, f -> f.status = FileStatus.DELETED);
    }

    private void status(FileKey key, String status, String rejectReason) throws Rejection {
        fx.changeFile(fx.requireLiveFile(key.hex()), f -> {
            f.status = status;
            f.rejectReason = rejectReason;
        });
    }

    private FileRow fileInBucket(FileKey key, String bucketId) throws Rejection {
        FileRow file = fx.requireLiveFile(key.hex());
        if (!file.bucketId.equals(bucketId)) {
            throw Rejection.mismatch("file " + key + " is in bucket " + file.bucketId + ", not " + bucketId);
        }
        return file;
    }

    private void requireValueProp(String mspId, ValuePropId valuePropId) throws Rejection {
        if (fx.uow().valueProp(mspId, valuePropId.hex()) == null) {
            throw Rejection.unknown("value proposition", mspId + "/" + valuePropId);
        }
    }

    private static String hexOrNull(Hash32 hash) {
        return hash == null ? null : hash.hex();
    }
}
