package io.storagehub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.value.FileKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeDigestTest {

    @Test
    void equalEvents_haveEqualDigests_andEveryTypeAndVariantDiffers() {
        Map<Long, Envelope> seen = new HashMap<>();
        for (Samples.Variant variant : Samples.Variant.values()) {
            for (Class<? extends ChainEvent> type : EventTypes.projected()) {
                Envelope one = Samples.envelope(new Samples(variant).of(type));
                Envelope again = Samples.envelope(new Samples(variant).of(type));
                assertThat(again).isEqualTo(one);
                assertThat(again.digest()).as(type.getSimpleName()).isEqualTo(one.digest());
                Envelope earlier = seen.put(one.digest(), one);
                assertThat(earlier).as("digest of %s %s also that of %s", variant, type.getSimpleName(), earlier)
                        .isNull();
            }
        }
        assertThat(seen).hasSize(2 * EventTypes.projected().size());
    }

    @Test
    void everyPartOfTheEnvelope_movesTheDigest() {
        Envelope base = Samples.envelope(new FileSystemEvent.MspAcceptedStorageRequest(FileKey.of("0x" + "1".repeat(64))));
        BlockRef block = base.block();
        List<Envelope> variants = List.of(
                new Envelope("other-chain", block, base.index(), base.event()),
                new Envelope(base.chain(), new BlockRef(block.number() + 1, block.hash(), block.parentHash(),
                        block.timestamp()), base.index(), base.event()),
                new Envelope(base.chain(), new BlockRef(block.number(), block.parentHash(), block.hash(),
                        block.timestamp()), base.index(), base.event()),
                new Envelope(base.chain(), new BlockRef(block.number(), block.hash(), block.parentHash(),
                        block.timestamp().plusNanos(1)), base.index(), base.event()),
                new Envelope(base.chain(), block, base.index() + 1, base.event()),
                new Envelope(base.chain(), block, base.index(),
                        new FileSystemEvent.StorageRequestFulfilled(FileKey.of("0x" + "1".repeat(64)))),
                new Envelope(base.chain(), block, base.index(),
                        new FileSystemEvent.MspAcceptedStorageRequest(FileKey.of("0x" + "2".repeat(64)))));
        for (Envelope variant : variants) {
            assertThat(variant.digest()).as("%s", variant).isNotEqualTo(base.digest());
        }
    }

    @Test
    void adjacentTextFields_cannotTradeCharacters() {
        Envelope a = Samples.envelope(new NotProjected("Ab", "c", "{}"));
        Envelope b = Samples.envelope(new NotProjected("A", "bc", "{}"));
        assertThat(a.digest()).isNotEqualTo(b.digest());
    }

    /** Digests are stored in the read model: an envelope digests to what it did when it was first recorded. */
    @Test
    void digest_isPinned_toTheRecordedValue() {
        Envelope envelope = Samples.envelope(
                new FileSystemEvent.MspAcceptedStorageRequest(FileKey.of("0x" + "1".repeat(64))));
        assertThat(envelope.digest()).isEqualTo(7631392141713459809L);
        assertThat(envelope.digest()).isEqualTo(7631392141713459809L);
    }

    /** Text beyond ASCII (late in a string, after an ASCII run) and text longer than any buffer's first size. */
    @Test
    void digest_ofTextBeyondAsciiAndOfLongText_isPinned() {
        Envelope mixed = Samples.envelope(new NotProjected("Pallet", "x".repeat(300) + "\u00e9\u5199", "{}"));
        Envelope longText = Samples.envelope(new NotProjected("P", "n", "{\"d\":\"" + "y".repeat(5000) + "\"}"));
        assertThat(List.of(mixed.digest(), longText.digest())).containsExactly(1591994406552183522L, -3042161101782880764L);
    }

    @Test
    void envelope_isAValueOfItsFourFields() {
        Envelope a = Samples.envelope(new NotProjected("A", "b", "{}"));
        Envelope b = Samples.envelope(new NotProjected("A", "b", "{}"));
        a.digest();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).hasToString(b.toString());
        assertThat(a.toString()).startsWith("Envelope[chain=storagehub-local, block=BlockRef[number=42");
    }
}
