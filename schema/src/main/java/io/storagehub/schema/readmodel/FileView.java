package io.storagehub.schema.readmodel;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.ProviderId;
import java.math.BigInteger;
import java.util.List;

/**
 * A file. {@code mspId} is the MSP currently assigned to the file's bucket (null if none); {@code bsps} the
 * BSPs currently storing it, ordered by id; {@code replicas} is their count. {@code rejectReason} is null unless
 * the status is {@code rejected}.
 */
public record FileView(FileKey fileKey, BucketId bucketId, AccountId owner, Location location, Hash32 fingerprint,
                       BigInteger size, List<String> peerIds, String status, boolean mspConfirmed, ProviderId mspId,
                       List<ProviderId> bsps, long bspsRequired, long replicas, long expiresAt, String rejectReason,
                       Position createdAt, Position updatedAt) {
    public FileView {
        peerIds = List.copyOf(peerIds);
        bsps = List.copyOf(bsps);
    }

    public boolean fullyReplicated() {
        return replicas >= bspsRequired;
    }
}
