package io.storagehub.testkit.chain;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Hash32;

/** A live bucket. {@code liveFiles} counts its files in status requested, stored or deletion_requested. */
final class BucketState {
    final BucketId id;
    final AccountId owner;
    MspState msp;
    Hash32 root;
    Hash32 collectionId;
    boolean isPrivate;
    int liveFiles;
    int filesCreated;

    BucketState(BucketId id, AccountId owner, MspState msp, Hash32 root, Hash32 collectionId, boolean isPrivate) {
        this.id = id;
        this.owner = owner;
        this.msp = msp;
        this.root = root;
        this.collectionId = collectionId;
        this.isPrivate = isPrivate;
    }
}
