package io.storagehub.reliability.poison;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.hash;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static io.storagehub.testkit.chain.ChainScript.valueProp;

import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.U64;
import java.util.List;

/** One well-formed instance of every projected event type: the material that wire-level poison is cut from. */
final class Samples {

    private Samples() {
    }

    static List<ChainEvent> all() {
        return List.of(
                new ProvidersEvent.MspSignUpSuccess(account(1), provider(1), U64.of(1000), List.of("/ip4/1.2.3.4"),
                        new ProvidersEvent.SignUpValueProp(valueProp(1), Balance.of(10), Bytes.of("0x01"),
                                U64.of(100))),
                new ProvidersEvent.BspSignUpSuccess(account(2), provider(2), hash(2), U64.of(5000),
                        List.of("/ip4/5.6.7.8")),
                new ProvidersEvent.MspSignOffSuccess(account(1), provider(1)),
                new ProvidersEvent.BspSignOffSuccess(account(2), provider(2)),
                new ProvidersEvent.CapacityChanged(account(2), provider(2), U64.of(5000), U64.of(6000)),
                new ProvidersEvent.MultiAddressAdded(provider(2), "/ip4/9.9.9.9"),
                new ProvidersEvent.MultiAddressRemoved(provider(2), "/ip4/5.6.7.8"),
                new ProvidersEvent.ValuePropAdded(provider(1), valueProp(2),
                        new ProvidersEvent.ValuePropTerms(Balance.of(20), Bytes.of("0x0203"), U64.of(200))),
                new ProvidersEvent.ValuePropUnavailable(provider(1), valueProp(2)),
                new ProvidersEvent.Slashed(provider(2), Balance.of(3)),
                new ProvidersEvent.BucketRootChanged(bucket(1), hash(10), hash(11)),
                new ProvidersEvent.BspRootChanged(provider(2), hash(2), hash(12)),
                new FileSystemEvent.NewBucket(account(3), provider(1), bucket(1), "photos", hash(10), hash(13), true,
                        valueProp(1)),
                new FileSystemEvent.BucketPrivacyUpdated(account(3), bucket(1), hash(14), false),
                new FileSystemEvent.MoveBucketAccepted(bucket(1), provider(1), provider(3), valueProp(3)),
                new FileSystemEvent.MspStoppedStoringBucket(provider(3), account(3), bucket(1)),
                new FileSystemEvent.BucketDeleted(account(3), bucket(1)),
                new FileSystemEvent.NewStorageRequest(account(3), file(1), bucket(1), Location.of("docs/a.txt"),
                        hash(15), U64.of(1024), List.of("peer-1"), 500, 2),
                new FileSystemEvent.MspAcceptedStorageRequest(file(1)),
                new FileSystemEvent.BspConfirmedStoring(account(2), provider(2), List.of(file(1)), List.of(file(2)),
                        hash(16)),
                new FileSystemEvent.StorageRequestFulfilled(file(1)),
                new FileSystemEvent.StorageRequestExpired(file(1)),
                new FileSystemEvent.StorageRequestRevoked(file(1)),
                new FileSystemEvent.StorageRequestRejected(file(1), "too big"),
                new FileSystemEvent.BspConfirmStoppedStoring(provider(2), file(1), hash(17)),
                new FileSystemEvent.FileDeletionRequested(account(3), file(1), bucket(1)),
                new FileSystemEvent.FileDeleted(file(1), bucket(1)),
                new PaymentStreamsEvent.FixedRatePaymentStreamCreated(account(3), provider(1), Balance.of(5)),
                new PaymentStreamsEvent.FixedRatePaymentStreamUpdated(account(3), provider(1), Balance.of(6)),
                new PaymentStreamsEvent.FixedRatePaymentStreamDeleted(account(3), provider(1)),
                new PaymentStreamsEvent.DynamicRatePaymentStreamCreated(account(3), provider(2), U64.of(7)),
                new PaymentStreamsEvent.DynamicRatePaymentStreamUpdated(account(3), provider(2), U64.of(8)),
                new PaymentStreamsEvent.DynamicRatePaymentStreamDeleted(account(3), provider(2)),
                new PaymentStreamsEvent.PaymentStreamCharged(account(3), provider(1), Balance.of(9), 42));
    }
}
