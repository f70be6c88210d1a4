package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;

/**
 * Working copy of one bucket row. {@code mspConfirmedSize} is internal bookkeeping: the total size of the
 * bucket's files with {@code mspConfirmed} and a status other than {@code deleted}, which is what the bucket
 * adds to its MSP's usedCapacity (and what a move transfers).
 */
public final class BucketRow {
    public String chain;
    public String bucketId;
    public String owner;
    public String mspId;
    public String name;
    public String root;
    public boolean isPrivate;
    public String collectionId;
    public String valuePropId;
    public long fileCount;
    public BigInteger totalSize = BigInteger.ZERO;
    public BigInteger mspConfirmedSize = BigInteger.ZERO;
    public boolean deleted;
    public Position created;
    public Position updated;

    public BucketRow copy() {
        BucketRow c = new BucketRow();
        c.chain = chain;
        c.bucketId = bucketId;
        c.owner = owner;
        c.mspId = mspId;
        c.name = name;
        c.root = root;
        c.isPrivate = isPrivate;
        c.collectionId = collectionId;
        c.valuePropId = valuePropId;
        c.fileCount = fileCount;
        c.totalSize = totalSize;
        c.mspConfirmedSize = mspConfirmedSize;
        c.deleted = deleted;
        c.created = created;
        c.updated = updated;
        return c;
    }
}
