package io.storagehub.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderView;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.readmodel.ValuePropView;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.ValuePropId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Entity JSON: every record component in camelCase, plus the three documented differences. */
class JsonTest {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Position AT = new Position(7, 3);
    private static final BigInteger HUGE = new BigInteger("18446744073709551615");
    private static final ProviderId MSP = ProviderId.of("0x" + "a".repeat(64));
    private static final AccountId ACCOUNT = AccountId.of("0x" + "c".repeat(40));
    private static final Hash32 HASH = Hash32.of("0x" + "d".repeat(64));

    private static Set<String> components(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void bsp_folder_valueProp_stream_chain_haveExactlyTheirComponents() {
        List<Record> views = List.of(
                new BspView(MSP, ACCOUNT, HUGE, BigInteger.ONE, HASH, List.of("/ip4/1"), "active",
                        Balance.parse("340282366920938463463374607431768211455"), 3, 4, AT, AT),
                new FolderView("docs", "docs/", 2, BigInteger.TEN),
                new ValuePropView(ValuePropId.of("0x" + "e".repeat(64)), Balance.of(5), Bytes.of("0x0a"), HUGE, true,
                        AT, AT),
                new PaymentStreamView(ACCOUNT, MSP, "dynamic", null, BigInteger.TWO, Balance.ZERO, null, AT, AT),
                new ChainView("main", 9, AT, Instant.parse("2026-01-02T03:04:05.678Z")));
        for (Record view : views) {
            assertThat(fields(MAPPER.valueToTree(view))).as(view.getClass().getSimpleName())
                    .isEqualTo(components(view.getClass()));
        }
    }

    @Test
    void bucket_writesPrivate_insteadOfIsPrivate() {
        JsonNode bucket = MAPPER.valueToTree(new BucketView(BucketId.of("0x" + "b".repeat(64)), ACCOUNT, null, "n",
                HASH, true, null, null, 1, BigInteger.ONE, false, AT, AT));

        Set<String> expected = components(BucketView.class);
        expected.remove("isPrivate");
        expected.add("private");
        assertThat(fields(bucket)).isEqualTo(expected);
        assertThat(bucket.get("private").asBoolean()).isTrue();
        assertThat(bucket.get("mspId").isNull()).isTrue();
    }

    @Test
    void file_addsFullyReplicated() {
        JsonNode file = MAPPER.valueToTree(new FileView(FileKey.of("0x" + "f".repeat(64)),
                BucketId.of("0x" + "b".repeat(64)), ACCOUNT, Location.of("a/b.txt"), HASH, HUGE, List.of("p"),
                "stored", true, MSP, List.of(MSP), 2, 1, 100, null, AT, AT));

        Set<String> expected = components(FileView.class);
        expected.add("fullyReplicated");
        assertThat(fields(file)).isEqualTo(expected);
        assertThat(file.get("fullyReplicated").asBoolean()).isFalse();
        assertThat(file.get("location").asText()).isEqualTo("a/b.txt");
    }

    @Test
    void mspDetail_isTheMspsFieldsPlusValueProps() {
        MspView msp = new MspView(MSP, ACCOUNT, HUGE, BigInteger.ZERO, List.of(), "signed_off", Balance.ZERO, 1, 0,
                AT, AT);

        JsonNode detail = MAPPER.valueToTree(new MspDetail(msp, List.of()));

        Set<String> expected = components(MspView.class);
        expected.add("valueProps");
        assertThat(fields(detail)).isEqualTo(expected);
    }

    @Test
    void valueTypes_amounts_sizes_positions_andTimes_haveTheContractsJsonTypes() throws Exception {
        String json = MAPPER.writeValueAsString(new BspView(MSP, ACCOUNT, HUGE, BigInteger.ONE, HASH, List.of(),
                "active", Balance.parse("340282366920938463463374607431768211455"), 3, 4, AT, AT));
        JsonNode chain = MAPPER.valueToTree(new ChainView("main", 9, AT, Instant.parse("2026-01-02T03:04:05.678Z")));

        assertThat(json).contains("\"capacity\":18446744073709551615")
                .contains("\"slashedTotal\":\"340282366920938463463374607431768211455\"")
                .contains("\"bspId\":\"0x" + "a".repeat(64) + "\"")
                .contains("\"createdAt\":{\"block\":7,\"index\":3}");
        assertThat(chain.get("updatedAt").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
    }

    @Test
    void aChange_embedsItsData_namesEntityKindsAsTheApi_andFitsOnOneLineForEventStreams() throws Exception {
        io.storagehub.schema.readmodel.ChangeView change = new io.storagehub.schema.readmodel.ChangeView(AT,
                HASH.hex(), Instant.parse("2026-01-02T03:04:05Z"), "Providers", "ValuePropAdded",
                "{\n  \"mspId\": \"0xaa\",\n  \"note\": \"a\\nb\", \"big\": 18446744073709551615}",
                List.of(new io.storagehub.schema.readmodel.ChangedEntity(
                                io.storagehub.schema.readmodel.EntityKind.VALUE_PROP, "0xaa:0xbb", List.of("available")),
                        new io.storagehub.schema.readmodel.ChangedEntity(
                                io.storagehub.schema.readmodel.EntityKind.PAYMENT_STREAM, "0xcc:0xaa", List.of())));

        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(change));
        String line = Json.oneLine(change);

        assertThat(fields(json)).containsExactlyInAnyOrder("position", "blockHash", "blockTime", "pallet", "name",
                "data", "entities");
        assertThat(MAPPER.writeValueAsString(change)).startsWith("{\"position\":{\"block\":7,\"index\":3},\"blockHash\"");
        assertThat(json.get("blockTime").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.get("data").isObject()).isTrue();
        assertThat(json.get("data").get("note").asText()).isEqualTo("a\nb");
        assertThat(json.get("data").get("big").bigIntegerValue()).isEqualTo(HUGE);
        assertThat(json.get("entities").get(0).get("kind").asText()).isEqualTo("valueProp");
        assertThat(json.get("entities").get(1).get("kind").asText()).isEqualTo("paymentStream");
        assertThat(json.get("entities").get(0).get("changed").get(0).asText()).isEqualTo("available");
        assertThat(line).doesNotContain("\n", "\r");
        assertThat(MAPPER.readTree(line)).isEqualTo(json);
    }
}
