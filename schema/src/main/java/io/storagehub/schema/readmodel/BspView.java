package io.storagehub.schema.readmodel;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.ProviderId;
import java.math.BigInteger;
import java.util.List;

/** A BSP as the read model holds it. */
public record BspView(ProviderId bspId, AccountId account, BigInteger capacity, BigInteger usedCapacity, Hash32 root,
                      List<String> multiaddresses, String status, Balance slashedTotal, long signedUpAt,
                      long fileCount, Position createdAt, Position updatedAt) {
    public BspView {
        multiaddresses = List.copyOf(multiaddresses);
    }
}
