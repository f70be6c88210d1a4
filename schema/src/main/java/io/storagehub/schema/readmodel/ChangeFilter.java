package io.storagehub.schema.readmodel;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import java.util.Optional;

/**
 * The filters of {@code GET /changes}, combined with AND; an empty one passes every change. A change passes
 * {@code bucket} when one of its entities is that bucket or a file of it; {@code file}, {@code msp}, {@code bsp}
 * when one of its entities has that id; {@code account} when one of its entities is a bucket or a file owned by
 * the account or a payment stream of that user.
 */
public record ChangeFilter(Optional<BucketId> bucket, Optional<FileKey> file, Optional<ProviderId> msp,
                           Optional<ProviderId> bsp, Optional<AccountId> account) {
    public static final ChangeFilter NONE =
            new ChangeFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return bucket.isEmpty() && file.isEmpty() && msp.isEmpty() && bsp.isEmpty() && account.isEmpty();
    }
}
