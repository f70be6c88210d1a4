package io.storagehub.projection.apply;

import io.storagehub.projection.state.Prefetch;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.FileKey;
import java.util.List;

/** Collects the keys a batch mentions so that the unit of work loads them in bulk. */
final class Prefetches {

    private Prefetches() {
    }

    static Prefetch of(List<Envelope> events) {
        Prefetch p = Prefetch.empty();
        for (Envelope envelope : events) {
            ChainEvent event = envelope.event();
            if (event instanceof ProvidersEvent e) {
                providers(e, p);
            } else if (event instanceof FileSystemEvent e) {
                fileSystem(e, p);
            } else if (event instanceof PaymentStreamsEvent e) {
                p.providers().add(e.providerId().hex());
                p.streams().add(new StreamRow.Key(e.userAccount().hex(), e.providerId().hex()));
            }
        }
        return p;
    }

    private static void providers(ProvidersEvent event, Prefetch p) {
        if (event instanceof ProvidersEvent.MspSignUpSuccess e) {
            p.providers().add(e.mspId().hex());
            p.valueProps().add(new ValuePropRow.Key(e.mspId().hex(), e.valueProp().id().hex()));
        } else if (event instanceof ProvidersEvent.BspSignUpSuccess e) {
            p.providers().add(e.bspId().hex());
        } else if (event instanceof ProvidersEvent.MspSignOffSuccess e) {
            p.providers().add(e.mspId().hex());
        } else if (event instanceof ProvidersEvent.BspSignOffSuccess e) {
            p.providers().add(e.bspId().hex());
            p.filesOfBsps().add(e.bspId().hex());
        } else if (event instanceof ProvidersEvent.CapacityChanged e) {
            p.providers().add(e.providerId().hex());
        } else if (event instanceof ProvidersEvent.MultiAddressAdded e) {
            p.providers().add(e.providerId().hex());
        } else if (event instanceof ProvidersEvent.MultiAddressRemoved e) {
            p.providers().add(e.providerId().hex());
        } else if (event instanceof ProvidersEvent.ValuePropAdded e) {
            p.providers().add(e.mspId().hex());
            p.valueProps().add(new ValuePropRow.Key(e.mspId().hex(), e.valuePropId().hex()));
        } else if (event instanceof ProvidersEvent.ValuePropUnavailable e) {
            p.valueProps().add(new ValuePropRow.Key(e.mspId().hex(), e.valuePropId().hex()));
        } else if (event instanceof ProvidersEvent.Slashed e) {
            p.providers().add(e.providerId().hex());
        } else if (event instanceof ProvidersEvent.BucketRootChanged e) {
            p.buckets().add(e.bucketId().hex());
        } else if (event instanceof ProvidersEvent.BspRootChanged e) {
            p.providers().add(e.bspId().hex());
        }
    }

    private static void fileSystem(FileSystemEvent event, Prefetch p) {
        if (event instanceof FileSystemEvent.NewBucket e) {
            p.buckets().add(e.bucketId().hex());
            if (e.mspId() != null) {
                p.providers().add(e.mspId().hex());
                if (e.valuePropId() != null) {
                    p.valueProps().add(new ValuePropRow.Key(e.mspId().hex(), e.valuePropId().hex()));
                }
            }
        } else if (event instanceof FileSystemEvent.BucketPrivacyUpdated e) {
            p.buckets().add(e.bucketId().hex());
        } else if (event instanceof FileSystemEvent.MoveBucketAccepted e) {
            p.buckets().add(e.bucketId().hex());
            p.providers().add(e.newMspId().hex());
            p.valueProps().add(new ValuePropRow.Key(e.newMspId().hex(), e.valuePropId().hex()));
        } else if (event instanceof FileSystemEvent.MspStoppedStoringBucket e) {
            p.buckets().add(e.bucketId().hex());
            p.providers().add(e.mspId().hex());
        } else if (event instanceof FileSystemEvent.BucketDeleted e) {
            p.buckets().add(e.bucketId().hex());
        } else if (event instanceof FileSystemEvent.NewStorageRequest e) {
            p.files().add(e.fileKey().hex());
            p.buckets().add(e.bucketId().hex());
        } else if (event instanceof FileSystemEvent.MspAcceptedStorageRequest e) {
            p.files().add(e.fileKey().hex());
        } else if (event instanceof FileSystemEvent.BspConfirmedStoring e) {
            p.providers().add(e.bspId().hex());
            for (FileKey key : e.confirmedFileKeys()) {
                p.files().add(key.hex());
                p.associationsOfFiles().add(key.hex());
            }
        } else if (event instanceof FileSystemEvent.StorageRequestFulfilled e) {
            p.files().add(e.fileKey().hex());
        } else if (event instanceof FileSystemEvent.StorageRequestExpired e) {
            p.files().add(e.fileKey().hex());
        } else if (event instanceof FileSystemEvent.StorageRequestRevoked e) {
            p.files().add(e.fileKey().hex());
        } else if (event instanceof FileSystemEvent.StorageRequestRejected e) {
            p.files().add(e.fileKey().hex());
        } else if (event instanceof FileSystemEvent.BspConfirmStoppedStoring e) {
            p.providers().add(e.bspId().hex());
            p.files().add(e.fileKey().hex());
            p.associationsOfFiles().add(e.fileKey().hex());
        } else if (event instanceof FileSystemEvent.FileDeletionRequested e) {
            p.files().add(e.fileKey().hex());
        } else if (event instanceof FileSystemEvent.FileDeleted e) {
            p.files().add(e.fileKey().hex());
            p.associationsOfFiles().add(e.fileKey().hex());
        }
    }
}
