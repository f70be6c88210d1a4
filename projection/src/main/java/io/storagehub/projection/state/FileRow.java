package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Working copy of one file row. {@code replicas} is the number of BSPs currently storing the file. */
public final class FileRow {
    public String chain;
    public String fileKey;
    public String bucketId;
    public String owner;
    public String location;
    public String fingerprint;
    public BigInteger size;
    public List<String> peerIds = new ArrayList<>();
    public String status = FileStatus.REQUESTED;
    public boolean mspConfirmed;
    public long bspsRequired;
    public long replicas;
    public long expiresAt;
    public String rejectReason;
    public Position created;
    public Position updated;

    public FileRow copy() {
        FileRow c = new FileRow();
        c.chain = chain;
        c.fileKey = fileKey;
        c.bucketId = bucketId;
        c.owner = owner;
        c.location = location;
        c.fingerprint = fingerprint;
        c.size = size;
        c.peerIds = new ArrayList<>(peerIds);
        c.status = status;
        c.mspConfirmed = mspConfirmed;
        c.bspsRequired = bspsRequired;
        c.replicas = replicas;
        c.expiresAt = expiresAt;
        c.rejectReason = rejectReason;
        c.created = created;
        c.updated = updated;
        return c;
    }

    /** Counted in its bucket's fileCount and totalSize. */
    public boolean inBucket() {
        return FileStatus.IN_BUCKET.contains(status);
    }

    /** Counted in its bucket's MSP's usedCapacity. */
    public boolean countsForMsp() {
        return mspConfirmed && !FileStatus.DELETED.equals(status);
    }

    public boolean isDeleted() {
        return FileStatus.DELETED.equals(status);
    }
}
