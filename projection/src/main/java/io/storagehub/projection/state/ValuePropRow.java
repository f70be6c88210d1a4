package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;

/** Working copy of one value proposition row. */
public final class ValuePropRow {
    public String chain;
    public String mspId;
    public String valuePropId;
    public BigInteger pricePerGigaUnitOfDataPerBlock;
    public String commitment;
    public BigInteger bucketDataLimit;
    public boolean available = true;
    public Position created;
    public Position updated;

    public ValuePropRow copy() {
        ValuePropRow c = new ValuePropRow();
        c.chain = chain;
        c.mspId = mspId;
        c.valuePropId = valuePropId;
        c.pricePerGigaUnitOfDataPerBlock = pricePerGigaUnitOfDataPerBlock;
        c.commitment = commitment;
        c.bucketDataLimit = bucketDataLimit;
        c.available = available;
        c.created = created;
        c.updated = updated;
        return c;
    }

    public Key key() {
        return new Key(mspId, valuePropId);
    }

    /** A value proposition is identified by its MSP and its own id. */
    public record Key(String mspId, String valuePropId) {
    }
}
