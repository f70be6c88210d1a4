package io.storagehub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventEncoderTest {
    private static final String HASH_A = "0x" + "a".repeat(64);
    private static final String HASH_B = "0x" + "b".repeat(64);
    private static final String ACCOUNT = "0x" + "c".repeat(40);
    private final EventEncoder encoder = new EventEncoder();

    private static Envelope at(long block, long index, Instant time, ChainEvent event) {
        return new Envelope("devnet", new BlockRef(block, Hash32.of(HASH_A), Hash32.of(HASH_B), time), index, event);
    }

    @Test
    void toJson_writesTheExactContractFormat() {
        // given
        Envelope envelope = at(4294967295L, 0, Instant.parse("2024-05-01T12:00:00Z"),
                new PaymentStreamsEvent.PaymentStreamCharged(AccountId.of(ACCOUNT), ProviderId.of(HASH_A),
                        new Balance(Balance.MAX), 17));

        // when
        String json = encoder.toJson(envelope);

        // then
        assertThat(json).isEqualTo("{\"v\":1,\"chain\":\"devnet\",\"block\":{\"number\":4294967295,\"hash\":\""
                + HASH_A + "\",\"parentHash\":\"" + HASH_B + "\",\"timestamp\":\"2024-05-01T12:00:00Z\"},"
                + "\"index\":0,\"pallet\":\"PaymentStreams\",\"name\":\"PaymentStreamCharged\",\"data\":{"
                + "\"userAccount\":\"" + ACCOUNT + "\",\"providerId\":\"" + HASH_A + "\","
                + "\"amount\":\"340282366920938463463374607431768211455\",\"lastTickCharged\":17}}");
        assertThat(encoder.encode(envelope)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void newBucket_writesWireNames_nullsAndNonAsciiText() {
        // given
        Envelope envelope = at(1, 2, Instant.parse("2024-05-01T12:00:00.000001Z"), new FileSystemEvent.NewBucket(
                AccountId.of(ACCOUNT), null, BucketId.of(HASH_A), "fotos ✓", Hash32.of(HASH_B), null, true, null));

        // when
        byte[] wire = encoder.encode(envelope);

        // then
        assertThat(new String(wire, StandardCharsets.UTF_8)).contains("\"timestamp\":\"2024-05-01T12:00:00.000001Z\"",
                "\"pallet\":\"FileSystem\",\"name\":\"NewBucket\",\"data\":{\"who\":\"" + ACCOUNT + "\",\"mspId\":null,"
                        + "\"bucketId\":\"" + HASH_A + "\",\"name\":\"fotos ✓\",\"root\":\"" + HASH_B
                        + "\",\"collectionId\":null,\"private\":true,\"valuePropId\":null}");
    }

    @Test
    void notProjected_isReEmittedWithCanonicalData() {
        // given
        Envelope envelope = at(1, 0, Instant.EPOCH, new NotProjected("System", "ExtrinsicSuccess",
                "{ \"b\": [1, 2.50], \"a\": {\"y\": null, \"x\": \"é\"} }"));

        // when
        String json = encoder.toJson(envelope);

        // then
        assertThat(json).endsWith("\"index\":0,\"pallet\":\"System\",\"name\":\"ExtrinsicSuccess\","
                + "\"data\":{\"a\":{\"x\":\"é\",\"y\":null},\"b\":[1,2.50]}}");
    }

    @Test
    void envelopesTheDecoderWouldReject_areRefused() {
        Instant now = Instant.parse("2024-05-01T12:00:00Z");
        ChainEvent fulfilled = new Samples(Samples.Variant.TYPICAL).of(FileSystemEvent.StorageRequestFulfilled.class);
        assertThatThrownBy(() -> encoder.toJson(at(4294967296L, 0, now, fulfilled)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block.number: u32");
        assertThatThrownBy(() -> encoder.toJson(at(1, -1, now, fulfilled)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index: u32");
        assertThatThrownBy(() -> encoder.toJson(at(1, 0, Instant.parse("+10000-01-01T00:00:00Z"), fulfilled)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0000..9999");
        assertThatThrownBy(() -> encoder.toJson(at(1, 0, now, new FileSystemEvent.NewBucket(AccountId.of(ACCOUNT),
                null, BucketId.of(HASH_A), "n".repeat(101), Hash32.of(HASH_B), null, false, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data.name: must be at most 100 UTF-8 bytes, got 101");
        assertThatThrownBy(() -> encoder.toJson(at(1, 0, now, new PaymentStreamsEvent.PaymentStreamCharged(
                AccountId.of(ACCOUNT), null, Balance.ZERO, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data.providerId must not be null");
        assertThatThrownBy(() -> encoder.toJson(at(1, 0, now, new PaymentStreamsEvent.PaymentStreamCharged(
                AccountId.of(ACCOUNT), ProviderId.of(HASH_A), Balance.ZERO, 1L << 32))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data.lastTickCharged: u32");
        assertThatThrownBy(() -> encoder.toJson(at(1, 0, now, new NotProjected("Providers", "Slashed", "{}"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Providers.Slashed is projected");
        assertThatThrownBy(() -> encoder.toJson(at(1, 0, now, new NotProjected("System", "Remarked", "[1]"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> encoder.toJson(at(1, 0, now, new NotProjected("System", "Remarked", "{} x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing data");
        assertThatThrownBy(() -> encoder.toJson(at(1, 0, now, new NotProjected("", "Remarked", "{}"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pallet of 1..64 characters");
    }

    @Test
    void encodedU64_isAJsonIntegerEvenAboveTheSignedRange() {
        Envelope envelope = at(1, 0, Instant.EPOCH, new PaymentStreamsEvent.DynamicRatePaymentStreamCreated(
                AccountId.of(ACCOUNT), ProviderId.of(HASH_A),
                new U64(BigInteger.TWO.pow(64).subtract(BigInteger.ONE))));
        assertThat(encoder.toJson(envelope)).contains("\"amountProvided\":18446744073709551615}");
    }
}
