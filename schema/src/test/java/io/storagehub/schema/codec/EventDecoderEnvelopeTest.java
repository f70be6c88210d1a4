package io.storagehub.schema.codec;

import static io.storagehub.schema.codec.WireFixture.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.FileKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventDecoderEnvelopeTest {
    private static final String VALID = WireFixture.of(event()).json();

    private static FileSystemEvent.StorageRequestFulfilled event() {
        return new FileSystemEvent.StorageRequestFulfilled(FileKey.of("0x" + "9".repeat(64)));
    }

    private static WireFixture wire() {
        return WireFixture.of(event());
    }

    @Test
    void notJson_isRejected_withoutChainOrPosition() {
        DecodeException e = rejected("{\"v\":1,", DecodeError.NOT_JSON, "value is not valid JSON: ");
        assertThat(e.chain()).isEmpty();
        assertThat(e.position()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n "})
    void emptyValue_isNotJson(String text) {
        rejected(text, DecodeError.NOT_JSON, "value is empty");
    }

    @Test
    void malformedUtf8_isRejected_withItsByteOffset() {
        byte[] value = "{\"v\":1,\"x\":\"?\"}".getBytes(StandardCharsets.US_ASCII);
        value[12] = (byte) 0xC3;
        rejected(WireFixture.CHAIN, value, DecodeError.NOT_UTF8, "value is not valid UTF-8: malformed sequence");
        rejected(WireFixture.CHAIN, value, DecodeError.NOT_UTF8, "at byte offset 12");
    }

    @Test
    void overlongUtf8Encoding_isRejected() {
        byte[] value = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};
        rejected(WireFixture.CHAIN, value, DecodeError.NOT_UTF8, "at byte offset 2");
    }

    @Test
    void nullValue_isRejected_asATombstone() {
        rejected(WireFixture.CHAIN, null, DecodeError.NOT_UTF8, "value is null (a tombstone)");
    }

    @ParameterizedTest
    @ValueSource(strings = {" x", "{}", " 1", "]"})
    void trailingData_afterTheObject_isRejected(String garbage) {
        rejected(VALID + garbage, DecodeError.NOT_JSON, "trailing data after the JSON value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[1]|an array", "42|the integer 42", "\"v\"|the string \"v\"", "null|null"})
    void nonObjectValue_isRejected(String text, String described) {
        rejected(text, DecodeError.NOT_AN_OBJECT, "value must be a JSON object, got " + described);
    }

    @Test
    void duplicateKeys_areRejected_atTopLevelAndInData() {
        rejected(VALID.replace("{\"v\":1,", "{\"v\":1,\"v\":1,"), DecodeError.NOT_JSON, "Duplicate field 'v'");
        rejected(VALID.replace("\"data\":{", "\"data\":{\"fileKey\":\"0x00\","), DecodeError.NOT_JSON,
                "Duplicate field 'fileKey'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2|the integer 2", "\"1\"|the string \"1\"", "1.0|the number 1.0",
            "null|null", "0|the integer 0", "4294967297|the integer 4294967297"})
    void wrongVersion_isRejected_withChainAndPosition(String v, String described) {
        DecodeException e = wire().set("v", v).rejected(DecodeError.UNSUPPORTED_VERSION,
                "v must be the integer 1, got " + described);
        assertThat(e.chain()).contains(WireFixture.CHAIN);
        assertThat(e.position()).contains(new Position(42, 3));
    }

    @Test
    void missingVersion_isRejected() {
        wire().remove("v").rejected(DecodeError.UNSUPPORTED_VERSION, "v is missing, expected contract version 1");
    }

    @Test
    void recordKeyDifferentFromChain_isAKeyMismatch() {
        DecodeException e = rejected("other-chain", VALID.getBytes(StandardCharsets.UTF_8), DecodeError.KEY_MISMATCH,
                "record key \"other-chain\" does not equal chain \"storagehub-local\"");
        assertThat(e.chain()).contains(WireFixture.CHAIN);
    }

    @Test
    void nullRecordKey_isAKeyMismatch() {
        rejected(null, VALID.getBytes(StandardCharsets.UTF_8), DecodeError.KEY_MISMATCH,
                "record key is null, it must equal chain \"storagehub-local\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Storagehub\"", "\"chain_1\"", "\"\"", "\"a.b\"", "7", "null",
            "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""})
    void badChainName_isAnInvalidEnvelope_withoutChain(String chain) {
        DecodeException e = wire().set("chain", chain).rejected(DecodeError.INVALID_ENVELOPE,
                "chain must be a string of 1..64 characters [a-z0-9-], got ");
        assertThat(e.chain()).isEmpty();
        assertThat(e.position()).contains(new Position(42, 3));
    }

    @Test
    void chainOf64Characters_isAccepted() throws DecodeException {
        String chain = "a-0".repeat(21) + "z";
        Envelope decoded = new EventDecoder().decode(chain,
                wire().set("chain", "\"" + chain + "\"").json().getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.chain()).isEqualTo(chain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chain", "block", "block.number", "block.hash", "block.parentHash", "block.timestamp",
            "index", "pallet", "name", "data"})
    void missingEnvelopeField_isAnInvalidEnvelope(String path) {
        wire().remove(path).rejected(DecodeError.INVALID_ENVELOPE, path + " is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "block|[]|block: must be a JSON object, got an array",
        "block|null|block: must be a JSON object, got null",
        "block.number|-1|block.number: u32 must be a JSON integer in 0..4294967295, got the integer -1",
        "block.number|4294967296|block.number: u32 must be a JSON integer in 0..4294967295, got the integer 4294967296",
        "block.number|\"42\"|block.number: u32 must be a JSON integer in 0..4294967295, got the string \"42\"",
        "block.number|42.5|block.number: u32 must be a JSON integer in 0..4294967295, got the number 42.5",
        "block.hash|\"0x12\"|block.hash: hex32 must be 0x followed by 64 hex characters, got 2",
        "block.hash|12|block.hash: hex32 must be a JSON string, got the integer 12",
        "block.parentHash|\"zz\"|block.parentHash: hex32 must be 0x-prefixed hex, got 'zz'",
        "block.parentHash|null|block.parentHash: hex32 must be a JSON string, got null",
        "block.timestamp|1714564800|block.timestamp: must be a JSON string, got the integer 1714564800",
        "index|-1|index: u32 must be a JSON integer in 0..4294967295, got the integer -1",
        "index|true|index: u32 must be a JSON integer in 0..4294967295, got true",
        "pallet|\"\"|pallet must be a string of 1..64 characters, got the string \"\"",
        "pallet|5|pallet: must be a JSON string, got the integer 5",
        "name|\"\"|name must be a non-empty string, got the string \"\"",
        "name|null|name: must be a JSON string, got null",
        "data|[]|data: must be a JSON object, got an array",
        "data|\"{}\"|data: must be a JSON object, got the string \"{}\""})
    void illTypedEnvelopeField_isAnInvalidEnvelope(String path, String value, String reason) {
        wire().set(path, value).rejected(DecodeError.INVALID_ENVELOPE, reason);
    }

    @Test
    void palletLongerThan64Characters_isAnInvalidEnvelope() {
        wire().set("pallet", "\"" + "P".repeat(65) + "\"").rejected(DecodeError.INVALID_ENVELOPE,
                "pallet must be a string of 1..64 characters, got the string \"PPPP");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-05-01T12:00:00+01:00|must be in UTC (offset Z or +00:00), got offset +01:00",
        "2024-05-01T12:00:00-00:00|must be in UTC (offset Z or +00:00), got offset -00:00",
        "2024-05-01 12:00:00Z|must be an RFC 3339 UTC date-time such as 2024-05-01T12:00:00Z, got \"2024-05-01 12:00:00Z\"",
        "2024-05-01T12:00:00|must be an RFC 3339 UTC date-time",
        "2024-05-01|must be an RFC 3339 UTC date-time",
        "yesterday|must be an RFC 3339 UTC date-time",
        "2024-5-1T12:00:00Z|must be an RFC 3339 UTC date-time",
        "2024-02-30T00:00:00Z|is not a valid date-time",
        "2024-05-01T24:00:00Z|is not a valid date-time",
        "2024-05-01T12:00:60Z|is not a valid date-time",
        "2024-05-01T12:00:00.1234567891Z|must have at most 9 fractional second digits, got 10"})
    void badTimestamp_isAnInvalidEnvelope(String timestamp, String reason) {
        wire().set("block.timestamp", "\"" + timestamp + "\"").rejected(DecodeError.INVALID_ENVELOPE,
                "block.timestamp: " + reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-05-01T12:00:00Z|2024-05-01T12:00:00Z",
        "2024-05-01T12:00:00+00:00|2024-05-01T12:00:00Z",
        "2024-05-01t12:00:00.5z|2024-05-01T12:00:00.500Z",
        "2024-05-01T12:00:00.123456789Z|2024-05-01T12:00:00.123456789Z",
        "2016-12-31T23:59:60Z|2016-12-31T23:59:59Z"})
    void utcTimestamps_areAccepted(String timestamp, String instant) throws DecodeException {
        Envelope decoded = wire().set("block.timestamp", "\"" + timestamp + "\"").decode();
        assertThat(decoded.block().timestamp()).isEqualTo(Instant.parse(instant));
    }
}
