package io.storagehub.reliability.poison;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.hash;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static io.storagehub.testkit.chain.ChainScript.valueProp;

import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.U64;
import java.util.List;

/**
 * The chain the corpus lives in (providers, buckets, files, streams, edge values that must apply) and the
 * poison only the projection can recognise, by the apply rules: unknown entities, entities that already exist,
 * mismatches, and positions already consumed with other content; plus true duplicates, which are skipped.
 */
final class ContextCases {
    private static final String UNKNOWN = "UNKNOWN_ENTITY";
    private static final String EXISTS = "ALREADY_EXISTS";
    private static final String MISMATCH = "MISMATCH";
    private static final String CONFLICT = "CONFLICTING_DUPLICATE";

    private ContextCases() {
    }

    /** Valid events every other case relies on; returns the first one (for the duplicate cases). */
    static Envelope setUp(CorpusBuilder b) {
        Envelope first = b.applied("context/msp-1", msp(1));
        b.applied("context/msp-2", msp(2));
        b.applied("context/bsp-3", bsp(3));
        b.applied("context/bsp-4", bsp(4));
        b.applied("context/bucket-1", new FileSystemEvent.NewBucket(account(10), provider(1), bucket(1), "b-1",
                hash(1), null, false, valueProp(1)));
        b.applied("context/bucket-2", new FileSystemEvent.NewBucket(account(11), provider(2), bucket(2), "b-2",
                hash(2), null, true, valueProp(2)));
        b.applied("context/file-1", request(1, 1, 10, "docs/readme.txt", U64.of(1000)));
        b.applied("context/file-1-accepted", new FileSystemEvent.MspAcceptedStorageRequest(file(1)));
        b.applied("context/file-1-confirmed", new FileSystemEvent.BspConfirmedStoring(account(2003), provider(3),
                List.of(file(1)), List.of(), hash(30)));
        b.applied("context/stream-fixed", new PaymentStreamsEvent.FixedRatePaymentStreamCreated(account(10),
                provider(1), Balance.of(10)));
        b.applied("context/stream-dynamic", new PaymentStreamsEvent.DynamicRatePaymentStreamCreated(account(11),
                provider(3), U64.of(5)));
        b.valid("context/other-pallet", CorpusRecord.NOT_PROJECTED,
                new NotProjected("System", "ExtrinsicSuccess", "{\"weight\":1}"));
        b.valid("context/unknown-name-of-projected-pallet", CorpusRecord.NOT_PROJECTED,
                new NotProjected("FileSystem", "SomethingNew", "{}"));
        b.applied("edge/u64-max-size", request(2, 2, 11, "big.bin", new U64(U64.MAX)));
        b.applied("edge/u64-max-capacity", new ProvidersEvent.CapacityChanged(account(2004), provider(4),
                U64.of(5_000_000_000L), new U64(U64.MAX)));
        b.applied("edge/u128-max-slash", new ProvidersEvent.Slashed(provider(4), new Balance(Balance.MAX)));
        b.applied("edge/location-512-bytes", request(3, 1, 10, "d/" + "é".repeat(255), U64.of(1)));
        b.applied("edge/bucket-name-100-bytes", new FileSystemEvent.NewBucket(account(12), null, bucket(3),
                "n".repeat(100), hash(3), null, false, null));
        return first;
    }

    static void rejects(CorpusBuilder b) {
        rejected(b, "reject/unknown-file-accepted", UNKNOWN, new FileSystemEvent.MspAcceptedStorageRequest(file(99)));
        rejected(b, "reject/unknown-file-confirmed", UNKNOWN, new FileSystemEvent.BspConfirmedStoring(account(2003),
                provider(3), List.of(file(99)), List.of(), hash(31)));
        rejected(b, "reject/unknown-bsp-confirming", UNKNOWN, new FileSystemEvent.BspConfirmedStoring(account(98),
                provider(98), List.of(file(1)), List.of(), hash(32)));
        rejected(b, "reject/unknown-provider-slashed", UNKNOWN, new ProvidersEvent.Slashed(provider(97),
                Balance.of(1)));
        rejected(b, "reject/unknown-provider-capacity", UNKNOWN, new ProvidersEvent.CapacityChanged(account(97),
                provider(97), U64.of(1), U64.of(2)));
        rejected(b, "reject/unknown-msp-of-new-bucket", UNKNOWN, new FileSystemEvent.NewBucket(account(10),
                provider(96), bucket(50), "x", hash(50), null, false, valueProp(1)));
        rejected(b, "reject/unknown-value-prop-of-new-bucket", UNKNOWN, new FileSystemEvent.NewBucket(account(10),
                provider(1), bucket(51), "x", hash(51), null, false, valueProp(95)));
        rejected(b, "reject/unknown-bucket-of-request", UNKNOWN, request(60, 94, 10, "x", U64.of(1)));
        rejected(b, "reject/unknown-stream-updated", UNKNOWN,
                new PaymentStreamsEvent.FixedRatePaymentStreamUpdated(account(10), provider(2), Balance.of(1)));
        rejected(b, "reject/unknown-stream-charged", UNKNOWN,
                new PaymentStreamsEvent.PaymentStreamCharged(account(12), provider(1), Balance.of(1), 1));
        rejected(b, "reject/unknown-value-prop-unavailable", UNKNOWN,
                new ProvidersEvent.ValuePropUnavailable(provider(1), valueProp(93)));
        rejected(b, "reject/unknown-bucket-deleted", UNKNOWN, new FileSystemEvent.BucketDeleted(account(10),
                bucket(92)));
        rejected(b, "reject/unknown-file-deleted", UNKNOWN, new FileSystemEvent.FileDeleted(file(91), bucket(1)));
        rejected(b, "reject/unknown-msp-sign-off", UNKNOWN, new ProvidersEvent.MspSignOffSuccess(account(90),
                provider(90)));
        rejected(b, "reject/unknown-file-stopped-storing", UNKNOWN,
                new FileSystemEvent.BspConfirmStoppedStoring(provider(3), file(89), hash(33)));
        rejected(b, "reject/unknown-new-msp-of-move", UNKNOWN, new FileSystemEvent.MoveBucketAccepted(bucket(1),
                provider(1), provider(88), valueProp(1)));
        rejected(b, "reject/unknown-provider-of-new-stream", UNKNOWN,
                new PaymentStreamsEvent.DynamicRatePaymentStreamCreated(account(13), provider(87), U64.of(1)));
        rejected(b, "reject/msp-exists", EXISTS, msp(1));
        rejected(b, "reject/bsp-exists", EXISTS, bsp(3));
        rejected(b, "reject/bsp-id-of-an-msp", EXISTS, new ProvidersEvent.BspSignUpSuccess(account(2001),
                provider(1), hash(34), U64.of(1), List.of()));
        rejected(b, "reject/value-prop-exists", EXISTS, new ProvidersEvent.ValuePropAdded(provider(1), valueProp(1),
                new ProvidersEvent.ValuePropTerms(Balance.of(1), Bytes.of("0x"), U64.of(1))));
        rejected(b, "reject/bucket-exists", EXISTS, new FileSystemEvent.NewBucket(account(10), provider(1),
                bucket(1), "again", hash(35), null, false, valueProp(1)));
        rejected(b, "reject/live-file-exists", EXISTS, request(1, 1, 10, "docs/readme.txt", U64.of(1000)));
        rejected(b, "reject/stream-exists", EXISTS, new PaymentStreamsEvent.FixedRatePaymentStreamCreated(
                account(10), provider(1), Balance.of(10)));
        rejected(b, "reject/bucket-not-of-this-msp", MISMATCH, new FileSystemEvent.MspStoppedStoringBucket(
                provider(2), account(10), bucket(1)));
        rejected(b, "reject/file-not-in-bucket-deletion-requested", MISMATCH,
                new FileSystemEvent.FileDeletionRequested(account(10), file(1), bucket(2)));
        rejected(b, "reject/file-not-in-bucket-deleted", MISMATCH, new FileSystemEvent.FileDeleted(file(1),
                bucket(2)));
        rejected(b, "reject/fixed-update-of-dynamic-stream", MISMATCH,
                new PaymentStreamsEvent.FixedRatePaymentStreamUpdated(account(11), provider(3), Balance.of(1)));
        rejected(b, "reject/dynamic-update-of-fixed-stream", MISMATCH,
                new PaymentStreamsEvent.DynamicRatePaymentStreamUpdated(account(10), provider(1), U64.of(1)));
        rejected(b, "reject/fixed-delete-of-dynamic-stream", MISMATCH,
                new PaymentStreamsEvent.FixedRatePaymentStreamDeleted(account(11), provider(3)));
        rejected(b, "reject/dynamic-delete-of-fixed-stream", MISMATCH,
                new PaymentStreamsEvent.DynamicRatePaymentStreamDeleted(account(10), provider(1)));
    }

    /** Re-deliveries: byte-equal or re-serialized copies are skipped; other content at a used position is poison. */
    static void duplicates(CorpusBuilder b, Envelope first) {
        b.add("duplicate/same-bytes", CorpusRecord.DUPLICATE, CorpusBuilder.KEY, b.encode(first));
        b.add("duplicate/re-serialized-uppercase-hex-extra-field", CorpusRecord.DUPLICATE, CorpusBuilder.KEY,
                Tree.of(first).set("data.mspId", provider(1).hex().toUpperCase(java.util.Locale.ROOT)
                        .replace("0X", "0x")).set("bridgeNote", "resent").bytes());
        Envelope rejected = b.next(new ProvidersEvent.Slashed(provider(86), Balance.of(1)));
        b.add("reject/unknown-provider-before-its-redelivery", UNKNOWN, CorpusBuilder.KEY, b.encode(rejected));
        b.add("duplicate/redelivered-rejected-event", CorpusRecord.DUPLICATE, CorpusBuilder.KEY, b.encode(rejected));
        b.add("conflict/other-content-at-a-used-position", CONFLICT, CorpusBuilder.KEY, b.encode(new Envelope(
                first.chain(), first.block(), first.index(), new ProvidersEvent.Slashed(provider(1), Balance.of(7)))));
        b.add("conflict/unused-index-of-an-old-block", CONFLICT, CorpusBuilder.KEY, b.encode(new Envelope(
                first.chain(), first.block(), 500, new ProvidersEvent.Slashed(provider(1), Balance.of(7)))));
    }

    private static void rejected(CorpusBuilder b, String caseName, String reason, ChainEvent event) {
        b.rejected(caseName, reason, event);
    }

    private static ChainEvent msp(int n) {
        return new ProvidersEvent.MspSignUpSuccess(account(1000 + n), provider(n), U64.of(1_000_000_000L),
                List.of("/ip4/127.0.0.1/tcp/" + (30000 + n)), new ProvidersEvent.SignUpValueProp(valueProp(n),
                        Balance.of(100), Bytes.of("0x01"), U64.of(1_000_000)));
    }

    private static ChainEvent bsp(int n) {
        return new ProvidersEvent.BspSignUpSuccess(account(2000 + n), provider(n), hash(n), U64.of(5_000_000_000L),
                List.of("/ip4/127.0.0.2/tcp/" + (30000 + n)));
    }

    private static ChainEvent request(int file, int bucket, int owner, String location, U64 size) {
        return new FileSystemEvent.NewStorageRequest(account(owner), file(file), bucket(bucket),
                Location.of(location), hash(100 + file), size, List.of("peer-" + file), 1000, 1);
    }
}
