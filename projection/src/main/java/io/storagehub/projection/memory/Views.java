package io.storagehub.projection.memory;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.readmodel.ValuePropView;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.ValuePropId;
import java.util.List;

/** Rows of the in-memory tables as the read-model records the queries answer with. */
final class Views {

    private Views() {
    }

    static MspView msp(MspRow r) {
        return new MspView(ProviderId.of(r.mspId), AccountId.of(r.account), r.capacity, r.usedCapacity,
                r.multiaddresses, r.status, new Balance(r.slashedTotal), r.signedUpAt, r.bucketCount, r.created,
                r.updated);
    }

    static ValuePropView valueProp(ValuePropRow r) {
        return new ValuePropView(ValuePropId.of(r.valuePropId), new Balance(r.pricePerGigaUnitOfDataPerBlock),
                Bytes.of(r.commitment), r.bucketDataLimit, r.available, r.created, r.updated);
    }

    static BspView bsp(BspRow r) {
        return new BspView(ProviderId.of(r.bspId), AccountId.of(r.account), r.capacity, r.usedCapacity,
                Hash32.of(r.root), r.multiaddresses, r.status, new Balance(r.slashedTotal), r.signedUpAt, r.fileCount,
                r.created, r.updated);
    }

    static BucketView bucket(BucketRow r) {
        return new BucketView(BucketId.of(r.bucketId), AccountId.of(r.owner),
                r.mspId == null ? null : ProviderId.of(r.mspId), r.name, Hash32.of(r.root), r.isPrivate,
                r.collectionId == null ? null : Hash32.of(r.collectionId),
                r.valuePropId == null ? null : ValuePropId.of(r.valuePropId), r.fileCount, r.totalSize, r.deleted,
                r.created, r.updated);
    }

    static FileView file(FileRow r, String bucketMspId, List<String> bspIds) {
        return new FileView(FileKey.of(r.fileKey), BucketId.of(r.bucketId), AccountId.of(r.owner),
                Location.of(r.location), Hash32.of(r.fingerprint), r.size, r.peerIds, r.status, r.mspConfirmed,
                bucketMspId == null ? null : ProviderId.of(bucketMspId),
                bspIds.stream().map(ProviderId::of).toList(), r.bspsRequired, r.replicas, r.expiresAt,
                r.rejectReason, r.created, r.updated);
    }

    static PaymentStreamView stream(StreamRow r) {
        return new PaymentStreamView(AccountId.of(r.userAccount), ProviderId.of(r.providerId), r.kind,
                r.rate == null ? null : new Balance(r.rate), r.amountProvided, new Balance(r.totalCharged),
                r.lastTickCharged, r.created, r.updated);
    }
}
