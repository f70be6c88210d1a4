package io.storagehub.testkit.chain;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import java.util.List;

/** A BSP, its root and the files it stores (those the generator still tracks). */
final class BspState extends ProviderState {
    final Pool<FileState> files = new Pool<>();
    Hash32 root;

    BspState(ProviderId id, AccountId account, List<String> peerIds, U64 capacity, Hash32 root) {
        super(id, account, peerIds, capacity);
        this.root = root;
    }
}
