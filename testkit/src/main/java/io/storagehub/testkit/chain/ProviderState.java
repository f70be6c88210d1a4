package io.storagehub.testkit.chain;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** What the generator remembers of an MSP or a BSP. */
abstract class ProviderState {
    final ProviderId id;
    final AccountId account;
    final List<String> peerIds;
    final List<String> multiaddresses = new ArrayList<>();
    U64 capacity;
    BigInteger slashedTotal = BigInteger.ZERO;
    boolean hugeSlashDone;
    boolean active = true;

    ProviderState(ProviderId id, AccountId account, List<String> peerIds, U64 capacity) {
        this.id = id;
        this.account = account;
        this.peerIds = List.copyOf(peerIds);
        this.capacity = capacity;
    }
}
