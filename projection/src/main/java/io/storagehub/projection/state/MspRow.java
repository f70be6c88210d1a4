package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Working copy of one MSP row. Mutable: only the unit of work hands it out, and only within one batch. */
public final class MspRow {
    public String chain;
    public String mspId;
    public String account;
    public BigInteger capacity;
    public BigInteger usedCapacity = BigInteger.ZERO;
    public List<String> multiaddresses = new ArrayList<>();
    public String status = ProviderStatus.ACTIVE;
    public BigInteger slashedTotal = BigInteger.ZERO;
    public long signedUpAt;
    public long bucketCount;
    public Position created;
    public Position updated;

    public MspRow copy() {
        MspRow c = new MspRow();
        c.chain = chain;
        c.mspId = mspId;
        c.account = account;
        c.capacity = capacity;
        c.usedCapacity = usedCapacity;
        c.multiaddresses = new ArrayList<>(multiaddresses);
        c.status = status;
        c.slashedTotal = slashedTotal;
        c.signedUpAt = signedUpAt;
        c.bucketCount = bucketCount;
        c.created = created;
        c.updated = updated;
        return c;
    }
}
