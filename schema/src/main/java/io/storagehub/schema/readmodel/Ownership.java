package io.storagehub.schema.readmodel;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;

/**
 * Who owns a bucket or a file, and the bucket it is (for a bucket) or is in (for a file). Neither ever changes
 * once the entity exists, so a reader may keep it.
 */
public record Ownership(AccountId owner, BucketId bucket) {
}
