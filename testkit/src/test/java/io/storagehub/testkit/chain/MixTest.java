package io.storagehub.testkit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent.MspAcceptedStorageRequest;
import io.storagehub.schema.event.FileSystemEvent.NewBucket;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixTest {
    private static final Hash32 H = Hash32.of("0x" + "ab".repeat(32));
    private static final BlockRef BLOCK = new BlockRef(1, H, H, Instant.EPOCH);

    @Test
    void counts_byWireName_notByTheBucketNameComponent() {
        // given
        NewBucket bucket = new NewBucket(AccountId.of("0x" + "11".repeat(20)), null, BucketId.of("0x" + "22".repeat(32)),
                "my-photos", H, null, false, null);
        MspAcceptedStorageRequest accepted = new MspAcceptedStorageRequest(FileKey.of("0x" + "33".repeat(32)));
        NotProjected transfer = new NotProjected("Balances", "Transfer", "{}");

        // when
        Mix mix = Mix.of(List.of(envelope(0, bucket), envelope(1, accepted), envelope(2, accepted),
                envelope(3, transfer)));

        // then
        assertThat(mix.count("FileSystem", "NewBucket")).isEqualTo(1);
        assertThat(mix.count("FileSystem", "my-photos")).isZero();
        assertThat(mix.count("FileSystem", "MspAcceptedStorageRequest")).isEqualTo(2);
        assertThat(mix.count("Balances", "Transfer")).isEqualTo(1);
        assertThat(mix.total()).isEqualTo(4);
        assertThat(mix.byPallet()).containsEntry("FileSystem", 3L).containsEntry("Balances", 1L);
        assertThat(mix.table().lines().findFirst()).hasValueSatisfying(
                line -> assertThat(line).startsWith("FileSystem.MspAcceptedStorageRequest").contains("50.00%"));
    }

    private static Envelope envelope(long index, io.storagehub.schema.event.ChainEvent event) {
        return new Envelope("net-a", BLOCK, index, event);
    }
}
