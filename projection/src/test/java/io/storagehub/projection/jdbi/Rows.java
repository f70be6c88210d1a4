package io.storagehub.projection.jdbi;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.FileStatus;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.event.Position;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Hand-made working rows, and the Changes that write them, for storage-level tests. */
final class Rows {
    static final Position AT = new Position(5, 1);

    final String chain;
    final List<MspRow> msps = new ArrayList<>();
    final List<BspRow> bsps = new ArrayList<>();
    final List<ValuePropRow> valueProps = new ArrayList<>();
    final List<BucketRow> buckets = new ArrayList<>();
    final List<FileRow> files = new ArrayList<>();
    final List<StreamRow> streams = new ArrayList<>();
    final List<StreamRow.Key> deletedStreams = new ArrayList<>();
    final List<FileBspRow> added = new ArrayList<>();
    final List<FileBspRow> removed = new ArrayList<>();

    Rows(String chain) {
        this.chain = chain;
    }

    Changes changes() {
        return new Changes(chain, msps, bsps, valueProps, buckets, files, streams, deletedStreams, added, removed,
                null, null, List.of(), List.of());
    }

    MspRow msp(long id) {
        MspRow row = new MspRow();
        row.chain = chain;
        row.mspId = Ids.hex32(id);
        row.account = Ids.account(id);
        row.capacity = BigInteger.valueOf(1_000_000);
        row.signedUpAt = 1;
        row.created = AT;
        row.updated = AT;
        msps.add(row);
        return row;
    }

    BspRow bsp(long id) {
        BspRow row = new BspRow();
        row.chain = chain;
        row.bspId = Ids.hex32(id);
        row.account = Ids.account(id);
        row.capacity = BigInteger.valueOf(1_000_000);
        row.root = Ids.hex32(0xbeef);
        row.signedUpAt = 1;
        row.created = AT;
        row.updated = AT;
        bsps.add(row);
        return row;
    }

    BucketRow bucket(long id, long owner, Long mspId) {
        BucketRow row = new BucketRow();
        row.chain = chain;
        row.bucketId = Ids.hex32(id);
        row.owner = Ids.account(owner);
        row.mspId = mspId == null ? null : Ids.hex32(mspId);
        row.name = "bucket " + id;
        row.root = Ids.hex32(0xbeef);
        row.created = AT;
        row.updated = AT;
        buckets.add(row);
        return row;
    }

    FileRow file(long key, BucketRow bucket, String location, long size) {
        FileRow row = new FileRow();
        row.chain = chain;
        row.fileKey = Ids.hex32(key);
        row.bucketId = bucket.bucketId;
        row.owner = bucket.owner;
        row.location = location;
        row.fingerprint = Ids.hex32(key + 1);
        row.size = BigInteger.valueOf(size);
        row.status = FileStatus.STORED;
        row.bspsRequired = 1;
        row.expiresAt = 100;
        row.created = AT;
        row.updated = AT;
        files.add(row);
        return row;
    }

    FileBspRow stores(BspRow bsp, FileRow file) {
        FileBspRow row = new FileBspRow(chain, bsp.bspId, file.fileKey, AT.block(), AT);
        file.replicas++;
        added.add(row);
        return row;
    }

    StreamRow stream(long user, long provider, String kind) {
        StreamRow row = new StreamRow();
        row.chain = chain;
        row.userAccount = Ids.account(user);
        row.providerId = Ids.hex32(provider);
        row.kind = kind;
        if (StreamRow.FIXED.equals(kind)) {
            row.rate = BigInteger.TEN;
        } else {
            row.amountProvided = BigInteger.TEN;
        }
        row.created = AT;
        row.updated = AT;
        streams.add(row);
        return row;
    }
}
