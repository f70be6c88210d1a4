package io.storagehub.testkit.wire;

import static io.storagehub.testkit.wire.Edit.remove;
import static io.storagehub.testkit.wire.Edit.set;
import static io.storagehub.testkit.wire.Edit.setText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storagehub.schema.codec.DecodeError;
import io.storagehub.schema.codec.DecodeException;
import io.storagehub.schema.codec.EventDecoder;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent.BspConfirmedStoring;
import io.storagehub.schema.event.FileSystemEvent.MspAcceptedStorageRequest;
import io.storagehub.schema.event.FileSystemEvent.NewBucket;
import io.storagehub.schema.event.FileSystemEvent.NewStorageRequest;
import io.storagehub.schema.event.FileSystemEvent.StorageRequestRejected;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamCreated;
import io.storagehub.schema.event.ProvidersEvent.MspSignUpSuccess;
import io.storagehub.schema.event.ProvidersEvent.ValuePropAdded;
import io.storagehub.testkit.chain.ChainGenerator;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema is as strict as the decoder where JSON Schema can say it: a generated event broken in one place on
 * the wire (a missing field, bad hex, a number out of range...) is rejected by both, and the lenient forms the
 * decoder accepts (uppercase hex, leading zeros, extra fields, an absent optional field) are accepted by both.
 */
class EnvelopeSchemaPoisonTest {
    private static final String CHAIN = "schema-net";
    private static final EnvelopeSchema SCHEMA = EnvelopeSchema.load();
    private static final Map<Class<?>, Envelope> SAMPLES = samples();
    private static final String HEX32 = "\"0x" + "ab".repeat(32) + "\"";

    /** One generated event of {@code type}, changed by {@code edits}; the decoder must answer {@code expected}. */
    record Case(String name, Class<? extends ChainEvent> type, DecodeError expected, List<Edit> edits) {
        @Override
        public String toString() {
            return name;
        }

        byte[] value() {
            try {
                Envelope sample = SAMPLES.get(type);
                if (sample == null) {
                    throw new IllegalStateException("no " + type.getSimpleName() + " among the generated events");
                }
                byte[] published = new EventEncoder().encode(sample);
                ObjectNode root = (ObjectNode) EnvelopeSchema.MAPPER.readTree(published);
                edits.forEach(edit -> edit.applyTo(root));
                return EnvelopeSchema.MAPPER.writeValueAsBytes(root);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Stream<Case> poison() {
        return Stream.of(
                envelope("v is 2", DecodeError.UNSUPPORTED_VERSION, set("v", "2")),
                envelope("v is missing", DecodeError.UNSUPPORTED_VERSION, remove("v")),
                envelope("chain has an uppercase letter", DecodeError.INVALID_ENVELOPE, setText("chain", "Schema-net")),
                envelope("block.hash is missing", DecodeError.INVALID_ENVELOPE, remove("block.hash")),
                envelope("block.number exceeds u32", DecodeError.INVALID_ENVELOPE, set("block.number", "4294967296")),
                envelope("block.timestamp is not UTC", DecodeError.INVALID_ENVELOPE,
                        setText("block.timestamp", "2024-01-01T02:00:06+02:00")),
                envelope("block.timestamp has month 13", DecodeError.INVALID_ENVELOPE,
                        setText("block.timestamp", "2024-13-01T00:00:06Z")),
                envelope("index is negative", DecodeError.INVALID_ENVELOPE, set("index", "-1")),
                envelope("pallet has 65 characters", DecodeError.INVALID_ENVELOPE, setText("pallet", "P".repeat(65))),
                envelope("name is empty", DecodeError.INVALID_ENVELOPE, setText("name", "")),
                envelope("data is an array", DecodeError.INVALID_ENVELOPE, set("data", "[]")),
                of(NewStorageRequest.class, "a data field is missing", DecodeError.MISSING_FIELD,
                        remove("data.fileKey")),
                of(NewBucket.class, "a nullable data field is missing", DecodeError.MISSING_FIELD,
                        remove("data.mspId")),
                of(ValuePropAdded.class, "a nested field is missing", DecodeError.MISSING_FIELD,
                        remove("data.valueProp.bucketDataLimit")),
                of(NewStorageRequest.class, "hex32 has a non-hex character", DecodeError.INVALID_FIELD,
                        setText("data.bucketId", "0x" + "g".repeat(64))),
                of(MspAcceptedStorageRequest.class, "hex32 is too short", DecodeError.INVALID_FIELD,
                        setText("data.fileKey", "0x1234")),
                of(MspAcceptedStorageRequest.class, "hex32 lacks 0x", DecodeError.INVALID_FIELD,
                        setText("data.fileKey", "d".repeat(64))),
                of(MspAcceptedStorageRequest.class, "hex32 ends in a newline", DecodeError.INVALID_FIELD,
                        setText("data.fileKey", "0x" + "d".repeat(63) + "\n")),
                envelope("chain ends in a newline", DecodeError.INVALID_ENVELOPE, setText("chain", CHAIN + "\n")),
                envelope("block.timestamp ends in a newline", DecodeError.INVALID_ENVELOPE,
                        setText("block.timestamp", "2024-01-01T00:00:06Z\n")),
                of(MspSignUpSuccess.class, "bytes ends in a newline", DecodeError.INVALID_FIELD,
                        setText("data.valueProp.commitment", "0x00\n")),
                of(FixedRatePaymentStreamCreated.class, "u128 ends in a newline", DecodeError.INVALID_FIELD,
                        setText("data.rate", "5\n")),
                of(NewBucket.class, "account has 64 hex characters", DecodeError.INVALID_FIELD, set("data.who", HEX32)),
                of(MspSignUpSuccess.class, "bytes has an odd length", DecodeError.INVALID_FIELD,
                        setText("data.valueProp.commitment", "0x123")),
                of(NewStorageRequest.class, "u64 is a string", DecodeError.INVALID_FIELD, set("data.size", "\"1024\"")),
                of(NewStorageRequest.class, "u64 is negative", DecodeError.INVALID_FIELD, set("data.size", "-1")),
                of(NewStorageRequest.class, "u64 exceeds 2^64-1", DecodeError.INVALID_FIELD,
                        set("data.size", "18446744073709551616")),
                of(NewStorageRequest.class, "u32 exceeds 2^32-1", DecodeError.INVALID_FIELD,
                        set("data.expiresAt", "4294967296")),
                of(NewStorageRequest.class, "the optional u32 is null", DecodeError.INVALID_FIELD,
                        set("data.replicationTarget", "null")),
                of(FixedRatePaymentStreamCreated.class, "u128 is a JSON number", DecodeError.INVALID_FIELD,
                        set("data.rate", "5")),
                of(FixedRatePaymentStreamCreated.class, "u128 exceeds 2^128-1", DecodeError.INVALID_FIELD,
                        setText("data.rate", "340282366920938463463374607431768211456")),
                of(FixedRatePaymentStreamCreated.class, "u128 has a sign", DecodeError.INVALID_FIELD,
                        setText("data.rate", "+5")),
                of(NewBucket.class, "boolean is a string", DecodeError.INVALID_FIELD, setText("data.private", "true")),
                of(NewBucket.class, "bucket name has 101 characters", DecodeError.INVALID_FIELD,
                        setText("data.name", "b".repeat(101))),
                of(BspConfirmedStoring.class, "a list element is not hex32", DecodeError.INVALID_FIELD,
                        set("data.confirmedFileKeys", "[\"0x12\"]")),
                of(MspSignUpSuccess.class, "a list is a string", DecodeError.INVALID_FIELD,
                        setText("data.multiaddresses", "/ip4/10.0.0.1/tcp/30333")),
                of(NewStorageRequest.class, "location is empty", DecodeError.INVALID_FIELD,
                        setText("data.location", "")),
                of(StorageRequestRejected.class, "text contains NUL", DecodeError.INVALID_FIELD,
                        setText("data.reason", "bad\u0000reason")));
    }

    static Stream<Case> lenient() {
        return Stream.of(
                of(NewStorageRequest.class, "uppercase hex and 0X", null, setText("data.bucketId",
                        "0X" + "AB".repeat(32))),
                of(FixedRatePaymentStreamCreated.class, "u128 with leading zeros", null, setText("data.rate", "00042")),
                of(FixedRatePaymentStreamCreated.class, "u128 maximum", null,
                        setText("data.rate", "340282366920938463463374607431768211455")),
                of(NewStorageRequest.class, "u64 maximum", null, set("data.size", "18446744073709551615")),
                of(NewStorageRequest.class, "the optional u32 is absent", null, remove("data.replicationTarget")),
                of(MspSignUpSuccess.class, "empty bytes", null, setText("data.valueProp.commitment", "0x")),
                of(NewBucket.class, "empty bucket name", null, setText("data.name", "")),
                of(NewBucket.class, "unknown extra fields", null, set("extra", "{\"a\":[1]}"),
                        set("block.extra", "true"), set("data.extra", "null")),
                envelope("timestamp +00:00 with nanoseconds", null,
                        setText("block.timestamp", "2024-01-01T00:00:06.123456789+00:00")),
                envelope("a leap second", null, setText("block.timestamp", "2016-12-31T23:59:60Z")),
                envelope("an unprojected name of a projected pallet, with any data", null,
                        setText("name", "SomethingNew"), set("data", "{\"anything\":[1,null,\"x\"]}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void malformedValue_isRejectedByTheDecoderAndTheSchema(Case poison) {
        // given
        byte[] value = poison.value();

        // when
        DecodeException rejected = catchThrowableOfType(DecodeException.class,
                () -> new EventDecoder().decode(CHAIN, value));
        List<String> errors = SCHEMA.errors(value);

        // then
        assertThat(rejected).as("decoder").isNotNull();
        assertThat(rejected.kind()).isEqualTo(poison.expected());
        assertThat(errors).as("schema errors").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenient")
    void lenientValue_isAcceptedByTheDecoderAndTheSchema(Case lenient) throws DecodeException {
        // given
        byte[] value = lenient.value();

        // when
        new EventDecoder().decode(CHAIN, value);
        List<String> errors = SCHEMA.errors(value);

        // then
        assertThat(errors).as("schema errors").isEmpty();
    }

    /** A case that breaks the envelope, which is the same for every event type. */
    private static Case envelope(String name, DecodeError expected, Edit... edits) {
        return of(MspAcceptedStorageRequest.class, name, expected, edits);
    }

    private static Case of(Class<? extends ChainEvent> type, String name, DecodeError expected, Edit... edits) {
        return new Case(name, type, expected, List.of(edits));
    }

    /** The first generated event of each type the cases start from. */
    private static Map<Class<?>, Envelope> samples() {
        ChainGenerator chain = new ChainGenerator(ChainGenerator.Config.defaults(CHAIN, 1).withPoisonRate(0));
        Map<Class<?>, Envelope> first = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            Envelope event = chain.next();
            first.putIfAbsent(event.event().getClass(), event);
        }
        return first;
    }
}
