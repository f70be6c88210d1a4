package io.storagehub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import io.storagehub.schema.value.ValuePropId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCodecRoundTripTest {
    private final EventEncoder encoder = new EventEncoder();
    private final EventDecoder decoder = new EventDecoder();

    @ParameterizedTest
    @EnumSource(Samples.Variant.class)
    void everyProjectedType_encodesAndDecodesBackEqual(Samples.Variant variant) throws DecodeException {
        List<Class<? extends ChainEvent>> types = EventTypes.projected();
        assertThat(types).isNotEmpty();
        for (Class<? extends ChainEvent> type : types) {
            // given
            Envelope envelope = Samples.envelope(new Samples(variant).of(type));

            // when
            byte[] wire = encoder.encode(envelope);
            Envelope decoded = decoder.decode(envelope.chain(), wire);

            // then
            assertThat(decoded).as(type.getSimpleName()).isEqualTo(envelope);
            assertThat(decoded.digest()).isEqualTo(envelope.digest());
            assertThat(new String(wire, StandardCharsets.UTF_8)).isEqualTo(encoder.toJson(envelope));
            // a change's data is the envelope's data as written (its last field), non-ASCII text included
            assertThat(encoder.toJson(envelope)).endsWith("\"data\":" + encoder.dataJson(envelope.event()) + "}");
        }
    }

    @Test
    void u64AboveSignedRange_andU128NearMaximum_surviveTheRoundTrip() throws DecodeException {
        // given
        BigInteger aboveLong = BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(12345));
        BigInteger nearU128Max = Balance.MAX.subtract(BigInteger.ONE);
        Envelope envelope = Samples.envelope(new ProvidersEvent.MspSignUpSuccess(
                Samples.account(9), ProviderId.of("0x" + "1".repeat(64)), new U64(aboveLong), List.of(),
                new ProvidersEvent.SignUpValueProp(ValuePropId.of("0x" + "2".repeat(64)), new Balance(nearU128Max),
                        Bytes.of("0x00"), new U64(U64.MAX))));

        // when
        String json = encoder.toJson(envelope);
        Envelope decoded = decoder.decode(envelope.chain(), json.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(json).contains("\"capacity\":9223372036854788153",
                "\"pricePerGigaUnitOfDataPerBlock\":\"340282366920938463463374607431768211454\"",
                "\"bucketDataLimit\":18446744073709551615");
        assertThat(decoded).isEqualTo(envelope);
    }

    @Test
    void uppercaseHex_isNormalizedToLowercase() throws DecodeException {
        // given
        String upper = "0x" + "AB".repeat(32);
        WireFixture wire = WireFixture.of(new FileSystemEvent.MspAcceptedStorageRequest(
                        FileKey.of("0x" + "0".repeat(64))))
                .set("data.fileKey", "\"" + upper + "\"")
                .set("block.hash", "\"0X" + "CD".repeat(32) + "\"");

        // when
        Envelope decoded = wire.decode();

        // then
        assertThat(((FileSystemEvent.MspAcceptedStorageRequest) decoded.event()).fileKey().hex())
                .isEqualTo("0x" + "ab".repeat(32));
        assertThat(decoded.block().hash().hex()).isEqualTo("0x" + "cd".repeat(32));
    }

    @Test
    void absentReplicationTarget_defaultsToOne() throws DecodeException {
        // given
        WireFixture wire = WireFixture.of(new Samples(Samples.Variant.TYPICAL).of(
                FileSystemEvent.NewStorageRequest.class)).remove("data.replicationTarget");

        // when
        Envelope decoded = wire.decode();

        // then
        assertThat(((FileSystemEvent.NewStorageRequest) decoded.event()).replicationTarget()).isEqualTo(1);
    }

    @Test
    void unknownExtraFields_areIgnored_atEveryLevel() throws DecodeException {
        // given
        ChainEvent event = new Samples(Samples.Variant.TYPICAL).of(ProvidersEvent.MspSignUpSuccess.class);
        WireFixture wire = WireFixture.of(event)
                .set("traceId", "\"abc\"").set("block.extrinsicsRoot", "[1,2]")
                .set("data.topics", "{\"x\":1}").set("data.valueProp.note", "null");

        // when / then
        assertThat(wire.decode()).isEqualTo(Samples.envelope(event));
    }

    @Test
    void unknownPalletOrName_decodesAsNotProjected_withCanonicalData() throws DecodeException {
        // given
        String first = envelopeText("Balances", "Transfer", "{\"to\":\"0xab\",\"from\":{\"b\":[1,2.50,{\"z\":null,\"a\":true}],\"a\":\"x\"}}");
        String reordered = envelopeText("Balances", "Transfer", "{ \"from\" : {\"a\":\"x\",\"b\":[1,2.50,{\"a\":true,\"z\":null}]}, \"to\":\"0xab\" }");

        // when
        Envelope a = decoder.decode(WireFixture.CHAIN, first.getBytes(StandardCharsets.UTF_8));
        Envelope b = decoder.decode(WireFixture.CHAIN, reordered.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(a.event()).isEqualTo(new NotProjected("Balances", "Transfer",
                "{\"from\":{\"a\":\"x\",\"b\":[1,2.50,{\"a\":true,\"z\":null}]},\"to\":\"0xab\"}"));
        assertThat(b).isEqualTo(a);
        assertThat(b.digest()).isEqualTo(a.digest());
    }

    @Test
    void unknownNameOfAProjectedPallet_isNotProjected_evenWithAnyData() throws DecodeException {
        // given
        String text = envelopeText("PaymentStreams", "UsersWithoutFunds", "{\"who\":12}");

        // when
        Envelope decoded = decoder.decode(WireFixture.CHAIN, text.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(decoded.event()).isEqualTo(new NotProjected("PaymentStreams", "UsersWithoutFunds", "{\"who\":12}"));
        assertThat(decoder.decode(WireFixture.CHAIN, encoder.encode(decoded))).isEqualTo(decoded);
    }

    @Test
    void paymentStreamCharged_keepsU32LastTick_atItsMaximum() throws DecodeException {
        // given
        Envelope envelope = Samples.envelope(new PaymentStreamsEvent.PaymentStreamCharged(Samples.account(9),
                ProviderId.of("0x" + "3".repeat(64)), Balance.of(5), 4294967295L));

        // when / then
        assertThat(decoder.decode(envelope.chain(), encoder.encode(envelope))).isEqualTo(envelope);
    }

    static String envelopeText(String pallet, String name, String data) {
        return "{\"v\":1,\"chain\":\"storagehub-local\",\"block\":{\"number\":7,\"hash\":\"0x" + "1".repeat(64)
                + "\",\"parentHash\":\"0x" + "2".repeat(64) + "\",\"timestamp\":\"2024-05-01T12:00:00Z\"},"
                + "\"index\":0,\"pallet\":\"" + pallet + "\",\"name\":\"" + name + "\",\"data\":" + data + "}";
    }
}
