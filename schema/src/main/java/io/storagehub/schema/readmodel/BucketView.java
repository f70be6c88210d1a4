package io.storagehub.schema.readmodel;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.ValuePropId;
import java.math.BigInteger;

/** A bucket. {@code mspId}, {@code collectionId} and {@code valuePropId} may be null. */
public record BucketView(BucketId bucketId, AccountId owner, ProviderId mspId, String name, Hash32 root,
                         boolean isPrivate, Hash32 collectionId, ValuePropId valuePropId, long fileCount,
                         BigInteger totalSize, boolean deleted, Position createdAt, Position updatedAt) {
}
