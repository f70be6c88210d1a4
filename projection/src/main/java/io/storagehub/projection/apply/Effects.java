package io.storagehub.projection.apply;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.ChainUnitOfWork;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.schema.event.Position;
import java.math.BigInteger;
import java.util.function.Consumer;

/**
 * Lookups that reject, and the changes that move derived counters. Every change of a file, a bucket or a BSP's
 * stored files goes through here, which keeps fileCount, totalSize, usedCapacity and bucketCount equal to a
 * recount from the rows: each change subtracts what the row contributed before and adds what it contributes after.
 */
final class Effects {
    private final ChainUnitOfWork uow;
    private Position position;

    Effects(ChainUnitOfWork uow) {
        this.uow = uow;
    }

    ChainUnitOfWork uow() {
        return uow;
    }

    void at(Position position) {
        this.position = position;
    }

    Position position() {
        return position;
    }

    MspRow requireMsp(String id) throws Rejection {
        MspRow msp = uow.msp(id);
        if (msp == null) {
            throw Rejection.unknown("MSP", id);
        }
        return msp;
    }

    BspRow requireBsp(String id) throws Rejection {
        BspRow bsp = uow.bsp(id);
        if (bsp == null) {
            throw Rejection.unknown("BSP", id);
        }
        return bsp;
    }

    BucketRow requireBucket(String id) throws Rejection {
        BucketRow bucket = uow.bucket(id);
        if (bucket == null) {
            throw Rejection.unknown("bucket", id);
        }
        return bucket;
    }

    BucketRow requireLiveBucket(String id) throws Rejection {
        BucketRow bucket = requireBucket(id);
        if (bucket.deleted) {
            throw Rejection.unknown("bucket", id + " (deleted)");
        }
        return bucket;
    }

    FileRow requireFile(String key) throws Rejection {
        FileRow file = uow.file(key);
        if (file == null) {
            throw Rejection.unknown("file", key);
        }
        return file;
    }

    FileRow requireLiveFile(String key) throws Rejection {
        FileRow file = requireFile(key);
        if (file.isDeleted()) {
            throw Rejection.unknown("file", key + " (deleted)");
        }
        return file;
    }

    void touch(MspRow msp) {
        msp.updated = position;
        uow.changed(msp);
    }

    void touch(BspRow bsp) {
        bsp.updated = position;
        uow.changed(bsp);
    }

    /** Changes a file and moves its bucket's and MSP's counters accordingly. */
    void changeFile(FileRow file, Consumer<FileRow> change) {
        boolean wasInBucket = file.inBucket();
        BigInteger wasForMsp = file.countsForMsp() ? file.size : BigInteger.ZERO;
        BigInteger wasSize = file.size;
        change.accept(file);
        file.updated = position;
        uow.changed(file);

        long countDelta = (file.inBucket() ? 1 : 0) - (wasInBucket ? 1 : 0);
        BigInteger sizeDelta = (file.inBucket() ? file.size : BigInteger.ZERO)
                .subtract(wasInBucket ? wasSize : BigInteger.ZERO);
        BigInteger mspDelta = (file.countsForMsp() ? file.size : BigInteger.ZERO).subtract(wasForMsp);
        if (countDelta == 0 && sizeDelta.signum() == 0 && mspDelta.signum() == 0) {
            return;
        }
        BucketRow bucket = uow.bucket(file.bucketId);
        bucket.fileCount += countDelta;
        bucket.totalSize = bucket.totalSize.add(sizeDelta);
        bucket.mspConfirmedSize = bucket.mspConfirmedSize.add(mspDelta);
        bucket.updated = position;
        uow.changed(bucket);
        if (bucket.mspId != null && mspDelta.signum() != 0) {
            MspRow msp = uow.msp(bucket.mspId);
            msp.usedCapacity = msp.usedCapacity.add(mspDelta);
            touch(msp);
        }
    }

    /** Creates or changes a bucket and moves its old and new MSP's counters accordingly. */
    void changeBucket(BucketRow bucket, Consumer<BucketRow> change) {
        String oldMsp = bucket.mspId;
        boolean wasCounted = !bucket.deleted;
        BigInteger oldUsed = bucket.mspConfirmedSize;
        change.accept(bucket);
        bucket.updated = position;
        uow.changed(bucket);
        if (oldMsp != null && (!oldMsp.equals(bucket.mspId) || wasCounted != !bucket.deleted)) {
            MspRow msp = uow.msp(oldMsp);
            msp.bucketCount -= wasCounted ? 1 : 0;
            msp.usedCapacity = msp.usedCapacity.subtract(oldUsed);
            touch(msp);
            oldMsp = null;
        }
        if (bucket.mspId != null && oldMsp == null) {
            MspRow msp = uow.msp(bucket.mspId);
            msp.bucketCount += bucket.deleted ? 0 : 1;
            msp.usedCapacity = msp.usedCapacity.add(bucket.mspConfirmedSize);
            touch(msp);
        }
    }

    void addAssociation(BspRow bsp, FileRow file) {
        if (uow.associationsOfFile(file.fileKey).containsKey(bsp.bspId)) {
            return;
        }
        uow.addAssociation(new FileBspRow(uow.chain(), bsp.bspId, file.fileKey, position.block(), position));
        bsp.fileCount++;
        bsp.usedCapacity = bsp.usedCapacity.add(file.size);
        touch(bsp);
        changeFile(file, f -> f.replicas++);
    }

    void removeAssociation(BspRow bsp, FileRow file) {
        FileBspRow row = uow.associationsOfFile(file.fileKey).get(bsp.bspId);
        if (row == null) {
            return;
        }
        uow.removeAssociation(row);
        bsp.fileCount--;
        bsp.usedCapacity = bsp.usedCapacity.subtract(file.size);
        touch(bsp);
        changeFile(file, f -> f.replicas--);
    }
}
