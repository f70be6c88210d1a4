package io.storagehub.schema.readmodel;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.ProviderId;
import java.math.BigInteger;
import java.util.List;

/** An MSP as the read model holds it. {@code status} is {@code active} or {@code signed_off}. */
public record MspView(ProviderId mspId, AccountId account, BigInteger capacity, BigInteger usedCapacity,
                      List<String> multiaddresses, String status, Balance slashedTotal, long signedUpAt,
                      long bucketCount, Position createdAt, Position updatedAt) {
    public MspView {
        multiaddresses = List.copyOf(multiaddresses);
    }
}
