package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Working copy of one BSP row. */
public final class BspRow {
    public String chain;
    public String bspId;
    public String account;
    public BigInteger capacity;
    public BigInteger usedCapacity = BigInteger.ZERO;
    public String root;
    public List<String> multiaddresses = new ArrayList<>();
    public String status = ProviderStatus.ACTIVE;
    public BigInteger slashedTotal = BigInteger.ZERO;
    public long signedUpAt;
    public long fileCount;
    public Position created;
    public Position updated;

    public BspRow copy() {
        BspRow c = new BspRow();
        c.chain = chain;
        c.bspId = bspId;
        c.account = account;
        c.capacity = capacity;
        c.usedCapacity = usedCapacity;
        c.root = root;
        c.multiaddresses = new ArrayList<>(multiaddresses);
        c.status = status;
        c.slashedTotal = slashedTotal;
        c.signedUpAt = signedUpAt;
        c.fileCount = fileCount;
        c.created = created;
        c.updated = updated;
        return c;
    }
}
