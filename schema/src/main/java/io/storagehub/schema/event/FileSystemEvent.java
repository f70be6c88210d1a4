package io.storagehub.schema.event;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import io.storagehub.schema.value.ValuePropId;
import java.util.List;

/** Events of the {@code FileSystem} pallet. */
public sealed interface FileSystemEvent extends ChainEvent {
    String PALLET = "FileSystem";

    @Override
    default String pallet() {
        return PALLET;
    }

    /**
     * {@code name} (here {@code bucketName}) is 0..100 UTF-8 bytes. The component cannot be called {@code name}:
     * its accessor would override {@link ChainEvent#name()}, the event's name.
     */
    record NewBucket(AccountId who, @Nullable ProviderId mspId, BucketId bucketId,
                     @WireName("name") String bucketName, Hash32 root,
                     @Nullable Hash32 collectionId, @WireName("private") boolean isPrivate,
                     @Nullable ValuePropId valuePropId) implements FileSystemEvent {
    }

    record BucketPrivacyUpdated(AccountId who, BucketId bucketId, @Nullable Hash32 collectionId,
                                @WireName("private") boolean isPrivate) implements FileSystemEvent {
    }

    record MoveBucketAccepted(BucketId bucketId, @Nullable ProviderId oldMspId, ProviderId newMspId,
                              ValuePropId valuePropId) implements FileSystemEvent {
    }

    record MspStoppedStoringBucket(ProviderId mspId, AccountId owner, BucketId bucketId)
            implements FileSystemEvent {
    }

    record BucketDeleted(AccountId who, BucketId bucketId) implements FileSystemEvent {
    }

    record NewStorageRequest(AccountId who, FileKey fileKey, BucketId bucketId, Location location,
                             Hash32 fingerprint, U64 size, List<String> peerIds, long expiresAt,
                             @DefaultsTo(1) long replicationTarget) implements FileSystemEvent {
        public NewStorageRequest {
            peerIds = List.copyOf(peerIds);
        }
    }

    record MspAcceptedStorageRequest(FileKey fileKey) implements FileSystemEvent {
    }

    record BspConfirmedStoring(AccountId who, ProviderId bspId, List<FileKey> confirmedFileKeys,
                               List<FileKey> skippedFileKeys, Hash32 newRoot) implements FileSystemEvent {
        public BspConfirmedStoring {
            confirmedFileKeys = List.copyOf(confirmedFileKeys);
            skippedFileKeys = List.copyOf(skippedFileKeys);
        }
    }

    record StorageRequestFulfilled(FileKey fileKey) implements FileSystemEvent {
    }

    record StorageRequestExpired(FileKey fileKey) implements FileSystemEvent {
    }

    record StorageRequestRevoked(FileKey fileKey) implements FileSystemEvent {
    }

    record StorageRequestRejected(FileKey fileKey, String reason) implements FileSystemEvent {
    }

    record BspConfirmStoppedStoring(ProviderId bspId, FileKey fileKey, Hash32 newRoot) implements FileSystemEvent {
    }

    record FileDeletionRequested(AccountId who, FileKey fileKey, BucketId bucketId) implements FileSystemEvent {
    }

    record FileDeleted(FileKey fileKey, BucketId bucketId) implements FileSystemEvent {
    }
}
