package io.storagehub.api.contract;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.TestChain;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.HistoryOrder;
import io.storagehub.schema.readmodel.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History pages of files, buckets, MSPs and BSPs: newest first by default, keyset pages, 404 like the lookup. */
public interface HistoryContract extends ApiUnderTest {

    /** The whole history of an entity, oldest first, as the storage answers it. */
    default List<JsonNode> expectedHistory(EntityKind kind, String id) {
        List<JsonNode> all = new ArrayList<>();
        expected().history(TestChain.NAME, kind, id, HistoryOrder.ASC, PageRequest.first(PageRequest.MAX_LIMIT))
                .orElseThrow().items().forEach(change -> all.add(json(change)));
        return all;
    }

    @Test
    default void history_isNewestFirst_pageByPage_andOldestFirst_withOrderAsc() {
        record Case(String path, EntityKind kind, String id, int limit) {
        }
        for (Case c : List.of(
                new Case("/files/" + file(TestChain.FIRST_FILE), EntityKind.FILE, file(TestChain.FIRST_FILE).hex(), 2),
                new Case("/buckets/" + bucket(TestChain.BIG_BUCKET), EntityKind.BUCKET,
                        bucket(TestChain.BIG_BUCKET).hex(), 37),
                new Case("/msps/" + provider(TestChain.MSP), EntityKind.MSP, provider(TestChain.MSP).hex(), 3),
                new Case("/bsps/" + provider(TestChain.BSP), EntityKind.BSP, provider(TestChain.BSP).hex(), 1))) {
            List<JsonNode> oldestFirst = expectedHistory(c.kind(), c.id());
            List<JsonNode> newestFirst = new ArrayList<>(oldestFirst);
            java.util.Collections.reverse(newestFirst);
            assertThat(oldestFirst).as(c.path()).hasSizeGreaterThan(c.limit());

            assertThat(walk(CHAIN + c.path() + "/history", c.limit())).as(c.path()).isEqualTo(newestFirst);
            assertThat(walk(CHAIN + c.path() + "/history?order=desc", c.limit())).as(c.path()).isEqualTo(newestFirst);
            assertThat(walk(CHAIN + c.path() + "/history?order=asc", c.limit())).as(c.path()).isEqualTo(oldestFirst);
        }
    }

    @Test
    default void aChange_isItsPosition_block_event_data_andTheEntitiesItChanged() {
        Http.Answer answer = http().get(CHAIN + "/files/" + file(TestChain.FIRST_FILE) + "/history?order=asc&limit=1");

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("X-Indexed-Block")).isEqualTo(Long.toString(indexedBlock()));
        JsonNode created = answer.json().get("items").get(0);
        assertThat(created.get("position").get("block").isIntegralNumber()).isTrue();
        assertThat(created.get("position").get("index").isIntegralNumber()).isTrue();
        assertThat(created.get("blockHash").asText()).matches("0x[0-9a-f]{64}");
        assertThat(created.get("blockTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(created.get("pallet").asText()).isEqualTo("FileSystem");
        assertThat(created.get("name").asText()).isEqualTo("NewStorageRequest");
        assertThat(created.get("data").isObject()).as("data is embedded JSON, not a string").isTrue();
        assertThat(created.get("data").get("fileKey").asText()).isEqualTo(file(TestChain.FIRST_FILE).hex());
        assertThat(created.get("data").get("size").isIntegralNumber()).isTrue();
        JsonNode fileEntity = null;
        for (JsonNode entity : created.get("entities")) {
            if (entity.get("kind").asText().equals("file")) {
                fileEntity = entity;
            }
        }
        assertThat(fileEntity).as("the file among %s", created.get("entities")).isNotNull();
        assertThat(fileEntity.get("id").asText()).isEqualTo(file(TestChain.FIRST_FILE).hex());
        assertThat(fileEntity.get("changed").toString()).contains("\"fileKey\"", "\"location\"", "\"size\"");
        assertThat(created.get("entities").toString()).contains("\"kind\":\"bucket\"");
    }

    @Test
    default void history_ofAnUnknownEntity_is404_likeItsLookup() {
        String unknown = "0x" + "9".repeat(64);
        for (String path : List.of("/files/", "/buckets/", "/msps/", "/bsps/")) {
            Http.Answer answer = http().get(CHAIN + path + unknown + "/history");
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText()).contains(unknown);
            assertThat(answer.header("X-Indexed-Block")).isEqualTo(Long.toString(indexedBlock()));
            assertThat(http().get("/v1/chains/no-such-chain" + path + unknown + "/history").status()).isEqualTo(404);
        }
    }

    @Test
    default void history_ofASignedOffBsp_isItsSignOffThenItsSignUp() {
        Http.Answer answer = http().get(CHAIN + "/bsps/" + provider(TestChain.BSP_SIGNED_OFF) + "/history");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("items")).hasSize(2);
        assertThat(answer.json().get("items").get(0).get("name").asText()).isEqualTo("BspSignOffSuccess");
        assertThat(answer.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    default void history_cursors_belongToTheirEntityAndOrder() {
        String path = CHAIN + "/files/" + file(TestChain.FIRST_FILE) + "/history";
        String cursor = http().get(path + "?limit=1").json().get("nextCursor").asText();

        assertThat(http().get(path + "?limit=1&cursor=" + cursor).status()).isEqualTo(200);
        assertThat(http().get(path + "?order=asc&cursor=" + cursor).status()).isEqualTo(400);
        assertThat(http().get(CHAIN + "/files/" + file(2) + "/history?cursor=" + cursor).status()).isEqualTo(400);
        assertThat(http().get(CHAIN + "/buckets/" + bucket(1) + "/history?cursor=" + cursor).status()).isEqualTo(400);
        assertThat(http().get(CHAIN + "/accounts/" + account(1) + "/files?cursor=" + cursor).status()).isEqualTo(400);
    }
}
