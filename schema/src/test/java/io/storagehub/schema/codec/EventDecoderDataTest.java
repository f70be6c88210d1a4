package io.storagehub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.event.ProvidersEvent;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventDecoderDataTest {

    private static WireFixture wire(Class<? extends ChainEvent> type) {
        return WireFixture.of(new Samples(Samples.Variant.TYPICAL).of(type));
    }

    private static WireFixture mspSignUp() {
        return wire(ProvidersEvent.MspSignUpSuccess.class);
    }

    private static WireFixture newBucket() {
        return wire(FileSystemEvent.NewBucket.class);
    }

    private static WireFixture storageRequest() {
        return wire(FileSystemEvent.NewStorageRequest.class);
    }

    @Test
    void invalidField_carriesChainPositionAndEventName() {
        DecodeException e = mspSignUp().set("data.capacity", "-1").rejected(DecodeError.INVALID_FIELD,
                "data.capacity: u64 must be a JSON integer in 0..2^64-1, got the integer -1 "
                        + "(in Providers.MspSignUpSuccess)");
        assertThat(e.chain()).contains(WireFixture.CHAIN);
        assertThat(e.position()).contains(new Position(42, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1|the integer -1",
        "1.5|the number 1.5",
        "1e3|the number 1E+3",
        "10.0|the number 10.0",
        "\"5\"|the string \"5\"",
        "18446744073709551616|the integer 18446744073709551616",
        "null|null"})
    void badU64_isAnInvalidField_namingTheNestedPath(String value, String described) {
        mspSignUp().set("data.valueProp.bucketDataLimit", value).rejected(DecodeError.INVALID_FIELD,
                "data.valueProp.bucketDataLimit: u64 must be a JSON integer in 0..2^64-1, got " + described);
    }

    @Test
    void u64Maximum_isAccepted() throws DecodeException {
        ChainEvent event = mspSignUp().set("data.capacity", "18446744073709551615").decode().event();
        assertThat(((ProvidersEvent.MspSignUpSuccess) event).capacity().value())
                .isEqualTo(new BigInteger("18446744073709551615"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5|u128 must be a JSON string, got the integer 5",
        "null|u128 must be a JSON string, got null",
        "\"-5\"|u128 must be a decimal string of digits 0-9, got the string \"-5\"",
        "\"\"|u128 must be a decimal string of digits 0-9, got the string \"\"",
        "\"1.5\"|u128 must be a decimal string of digits 0-9, got the string \"1.5\"",
        "\" 5\"|u128 must be a decimal string of digits 0-9, got the string \" 5\"",
        "\"0x10\"|u128 must be a decimal string of digits 0-9, got the string \"0x10\"",
        "\"340282366920938463463374607431768211456\"|u128 must be at most 2^128-1",
        "\"1000000000000000000000000000000000000000000\"|u128 must be at most 2^128-1"})
    void badU128_isAnInvalidField(String value, String reason) {
        mspSignUp().set("data.valueProp.pricePerGigaUnitOfDataPerBlock", value).rejected(DecodeError.INVALID_FIELD,
                "data.valueProp.pricePerGigaUnitOfDataPerBlock: " + reason);
    }

    @Test
    void u128WithLeadingZeros_readsAsItsValue() throws DecodeException {
        ChainEvent event = wire(ProvidersEvent.Slashed.class).set("data.amount", "\"007\"").decode().event();
        assertThat(((ProvidersEvent.Slashed) event).amount().value()).isEqualTo(BigInteger.valueOf(7));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "data.bucketId|\"0x12\"|data.bucketId: bucket id must be 0x followed by 64 hex characters, got 2",
        "data.bucketId|5|data.bucketId: bucket id must be a JSON string, got the integer 5",
        "data.root|\"0xzz\"|data.root: hex32 must be 0x-prefixed hex, got '0xzz'",
        "data.mspId|\"abababababababababababababababababababababababababababababababab\"|data.mspId: provider id must be 0x-prefixed hex, got 'abababababababababababababababababababababababababababababababab'",
        "data.who|\"0x1234\"|data.who: account must be 0x followed by 40 hex characters, got 4",
        "data.who|null|data.who: account must be a JSON string, got null",
        "data.valuePropId|\"0x\"|data.valuePropId: value proposition id must be 0x followed by 64 hex characters, got 0",
        "data.private|\"true\"|data.private: must be a JSON boolean, got the string \"true\"",
        "data.private|null|data.private: must be a JSON boolean, got null",
        "data.name|7|data.name: must be a JSON string, got the integer 7"})
    void badNewBucketField_isAnInvalidField(String path, String value, String reason) {
        newBucket().set(path, value).rejected(DecodeError.INVALID_FIELD, reason + " (in FileSystem.NewBucket)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"0xabc\"|bytes must have an even number of hex characters",
        "\"abcd\"|bytes must be 0x-prefixed hex, got 'abcd'",
        "[]|bytes must be a JSON string, got an array"})
    void badBytes_isAnInvalidField(String value, String reason) {
        mspSignUp().set("data.valueProp.commitment", value).rejected(DecodeError.INVALID_FIELD,
                "data.valueProp.commitment: " + reason);
    }

    @Test
    void emptyLocation_isAnInvalidField() {
        storageRequest().set("data.location", "\"\"").rejected(DecodeError.INVALID_FIELD,
                "data.location: location must not be empty");
    }

    @Test
    void locationOver512Bytes_isAnInvalidField_but512IsAccepted() throws DecodeException {
        storageRequest().set("data.location", "\"" + "a".repeat(511) + "é\"").rejected(DecodeError.INVALID_FIELD,
                "data.location: location must be at most 512 UTF-8 bytes, got 513");
        ChainEvent event = storageRequest().set("data.location", "\"" + "a".repeat(510) + "é\"").decode().event();
        assertThat(((FileSystemEvent.NewStorageRequest) event).location().path()).hasSize(511);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "data.expiresAt|4294967296|data.expiresAt: u32 must be a JSON integer in 0..4294967295, got the integer 4294967296",
        "data.replicationTarget|null|data.replicationTarget: u32 must be a JSON integer in 0..4294967295, got null",
        "data.replicationTarget|\"2\"|data.replicationTarget: u32 must be a JSON integer in 0..4294967295, got the string \"2\"",
        "data.peerIds|\"peer\"|data.peerIds: must be a JSON array, got the string \"peer\"",
        "data.peerIds|[\"a\",1]|data.peerIds[1]: must be a JSON string, got the integer 1",
        "data.peerIds|[null]|data.peerIds[0]: must be a JSON string, got null",
        "data.size|\"1\"|data.size: u64 must be a JSON integer in 0..2^64-1, got the string \"1\""})
    void badStorageRequestField_isAnInvalidField(String path, String value, String reason) {
        storageRequest().set(path, value).rejected(DecodeError.INVALID_FIELD, reason);
    }

    @Test
    void badFileKeyInAList_namesItsIndex() {
        wire(FileSystemEvent.BspConfirmedStoring.class).set("data.confirmedFileKeys", "[\"0x" + "0".repeat(64)
                + "\",\"0x12\"]").rejected(DecodeError.INVALID_FIELD,
                "data.confirmedFileKeys[1]: file key must be 0x followed by 64 hex characters, got 2");
    }

    @Test
    void nestedObjectOfWrongType_isAnInvalidField() {
        mspSignUp().set("data.valueProp", "\"terms\"").rejected(DecodeError.INVALID_FIELD,
                "data.valueProp: must be a JSON object, got the string \"terms\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"who", "bucketId", "name", "root", "private"})
    void missingDataField_isAMissingField(String field) {
        newBucket().remove("data." + field).rejected(DecodeError.MISSING_FIELD,
                "data." + field + " is missing (in FileSystem.NewBucket)");
    }

    @Test
    void missingNestedField_isAMissingField() {
        mspSignUp().remove("data.valueProp.id").rejected(DecodeError.MISSING_FIELD,
                "data.valueProp.id is missing (in Providers.MspSignUpSuccess)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mspId", "collectionId", "valuePropId"})
    void missingNullableField_isAMissingField_becauseItMustBePresent(String field) {
        newBucket().remove("data." + field).rejected(DecodeError.MISSING_FIELD,
                "data." + field + " is missing (it may be null but must be present)");
    }

    @Test
    void nullForNullableFields_isAccepted() throws DecodeException {
        ChainEvent event = newBucket().set("data.mspId", "null").set("data.collectionId", "null")
                .set("data.valuePropId", "null").decode().event();
        FileSystemEvent.NewBucket bucket = (FileSystemEvent.NewBucket) event;
        assertThat(bucket.mspId()).isNull();
        assertThat(bucket.collectionId()).isNull();
        assertThat(bucket.valuePropId()).isNull();
    }

    @Test
    void nullForNonNullableFields_isAnInvalidField() {
        wire(PaymentStreamsEvent.PaymentStreamCharged.class).set("data.amount", "null")
                .rejected(DecodeError.INVALID_FIELD, "data.amount: u128 must be a JSON string, got null");
        wire(FileSystemEvent.MoveBucketAccepted.class).set("data.newMspId", "null")
                .rejected(DecodeError.INVALID_FIELD, "data.newMspId: provider id must be a JSON string, got null");
    }

    @Test
    void bucketNameOver100Utf8Bytes_isAnInvalidField() {
        newBucket().set("data.name", "\"" + "n".repeat(101) + "\"").rejected(DecodeError.INVALID_FIELD,
                "data.name: must be at most 100 UTF-8 bytes, got 101");
        newBucket().set("data.name", "\"" + "é".repeat(51) + "\"").rejected(DecodeError.INVALID_FIELD,
                "data.name: must be at most 100 UTF-8 bytes, got 102");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 50})
    void bucketNameUpTo100Utf8Bytes_isAccepted(int twoByteChars) throws DecodeException {
        String name = "é".repeat(twoByteChars);
        ChainEvent event = newBucket().set("data.name", "\"" + name + "\"").decode().event();
        assertThat(((FileSystemEvent.NewBucket) event).bucketName()).isEqualTo(name);
    }

    @Test
    void textThatPostgresCannotStore_isAnInvalidField() {
        // JSON escapes are written into the text as is, so the decoder sees them unresolved
        String nul = wire(FileSystemEvent.StorageRequestRejected.class).set("data.reason", "\"REASON\"").json()
                .replace("REASON", "bad\\u0000reason");
        WireFixture.rejected(nul, DecodeError.INVALID_FIELD,
                "data.reason: must not contain NUL (U+0000), found at index 3");
        String surrogate = wire(ProvidersEvent.MultiAddressAdded.class).set("data.newMultiaddress", "\"ADDR\"")
                .json().replace("ADDR", "/ip4/\\ud800");
        WireFixture.rejected(surrogate, DecodeError.INVALID_FIELD,
                "data.newMultiaddress: must be valid Unicode, found an unpaired surrogate U+D800 at index 5");
    }

    @Test
    void hugeOffendingInput_isAbbreviatedInTheMessage() {
        DecodeException e = newBucket().set("data.root", "\"" + "z".repeat(100_000) + "\"")
                .rejected(DecodeError.INVALID_FIELD, "data.root: hex32 must be 0x-prefixed hex, got 'zzz");
        assertThat(e.getMessage()).hasSizeLessThan(300).contains("(100000 chars)");
    }
}
