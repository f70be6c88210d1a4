package io.storagehub.api.contract;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.TestChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every client mistake is a 4xx problem document naming what is wrong; unknown chains and entities are 404. */
public interface ErrorContract extends ApiUnderTest {
    String BUCKET_FILES = CHAIN + "/buckets/" + bucket(TestChain.BIG_BUCKET) + "/files";

    default JsonNode problem(Http.Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("type").asText()).startsWith("https://storagehub.io/problems/");
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "io.storagehub");
        return body;
    }

    @Test
    default void unknownChain_is404_onEveryChainRoute() {
        String other = "/v1/chains/no-such-chain";
        for (String path : List.of("/msps", "/msps/" + provider(1), "/msps/" + provider(1) + "/buckets", "/bsps",
                "/bsps/" + provider(11), "/bsps/" + provider(11) + "/files", "/buckets/" + bucket(1),
                "/buckets/" + bucket(1) + "/files", "/buckets/" + bucket(1) + "/tree", "/files/" + file(1),
                "/accounts/" + account(1) + "/buckets", "/accounts/" + account(1) + "/files",
                "/accounts/" + account(1) + "/payment-streams", "/providers/" + provider(1) + "/payment-streams",
                "/files/" + file(1) + "/history", "/buckets/" + bucket(1) + "/history", "/msps/" + provider(1)
                        + "/history", "/bsps/" + provider(11) + "/history", "/changes")) {
            assertThat(problem(http().get(other + path), 404).get("detail").asText()).as(path)
                    .contains("no-such-chain");
        }
    }

    @Test
    default void unknownEntity_is404_withTheIndexedBlockHeader() {
        String unknown = "0x" + "9".repeat(64);
        for (String path : List.of("/msps/" + unknown, "/msps/" + unknown + "/buckets", "/bsps/" + unknown,
                "/bsps/" + unknown + "/files", "/buckets/" + unknown, "/buckets/" + unknown + "/files",
                "/buckets/" + unknown + "/tree", "/files/" + unknown, "/providers/" + unknown + "/payment-streams")) {
            Http.Answer answer = http().get(CHAIN + path);

            assertThat(problem(answer, 404).get("detail").asText()).as(path).contains(unknown);
            assertThat(answer.header("X-Indexed-Block")).as(path).isEqualTo(Long.toString(indexedBlock()));
        }
    }

    @Test
    default void unknownPath_is404_andOtherMethods_are405() {
        problem(http().get("/v1/nothing"), 404);
        problem(http().get(CHAIN + "/msps/" + provider(1) + "/nothing"), 404);
        problem(http().send("POST", CHAIN + "/msps"), 405);
        problem(http().send("DELETE", CHAIN + "/files/" + file(1)), 405);
    }

    @Test
    default void malformedChainOrIds_are400_namingTheParameter() {
        problem(http().get("/v1/chains/UPPER/msps"), 400);
        problem(http().get("/v1/chains/" + "a".repeat(65) + "/msps"), 400);
        problem(http().get("/v1/chains/bad_chain/msps"), 400);
        assertThat(problem(http().get(CHAIN + "/msps/0x1234"), 400).get("detail").asText()).contains("mspId");
        assertThat(problem(http().get(CHAIN + "/bsps/nothex"), 400).get("detail").asText()).contains("bspId");
        assertThat(problem(http().get(CHAIN + "/buckets/0x" + "g".repeat(64)), 400).get("detail").asText())
                .contains("bucketId");
        assertThat(problem(http().get(CHAIN + "/files/" + account(1)), 400).get("detail").asText())
                .contains("fileKey");
        assertThat(problem(http().get(CHAIN + "/accounts/" + provider(1) + "/files"), 400).get("detail").asText())
                .contains("account");
        assertThat(problem(http().get(CHAIN + "/providers/0x/payment-streams"), 400).get("detail").asText())
                .contains("providerId");
    }

    @Test
    default void malformedLimit_is400() {
        for (String limit : List.of("0", "1001", "-1", "abc", "", "1.5", "99999999999999999999", "+5", "%201")) {
            assertThat(problem(http().get(CHAIN + "/msps?limit=" + limit), 400).get("detail").asText())
                    .as(limit).contains("limit");
        }
        assertThat(http().get(CHAIN + "/msps?limit=1000").status()).isEqualTo(200);
        assertThat(http().get(CHAIN + "/msps?limit=1").json().get("items")).hasSize(1);
    }

    @Test
    default void brokenForeignOrEditedCursors_are400() {
        String cursor = http().get(BUCKET_FILES + "?limit=2").json().get("nextCursor").asText();
        char last = cursor.charAt(cursor.length() - 1);
        String edited = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        String flippedFirst = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

        for (String bad : List.of("garbage", "%21%21", edited, flippedFirst, cursor + "AA", "A".repeat(5000))) {
            assertThat(problem(http().get(BUCKET_FILES + "?cursor=" + bad), 400).get("detail").asText())
                    .contains("cursor");
        }
        problem(http().get(CHAIN + "/buckets/" + bucket(2) + "/files?cursor=" + cursor), 400);
        problem(http().get(BUCKET_FILES + "?prefix=docs%2F&cursor=" + cursor), 400);
        problem(http().get(BUCKET_FILES + "?underReplicated=true&cursor=" + cursor), 400);
        problem(http().get(CHAIN + "/accounts/" + account(TestChain.OWNER) + "/files?cursor=" + cursor), 400);
        problem(http().get("/v1/chains/other-chain/buckets/" + bucket(1) + "/files?cursor=" + cursor), 400);
        assertThat(http().get(BUCKET_FILES + "?cursor=" + cursor + "&limit=3").status()).isEqualTo(200);
    }

    @Test
    default void malformedFilters_are400() {
        String tree = CHAIN + "/buckets/" + bucket(TestChain.BIG_BUCKET) + "/tree";
        assertThat(problem(http().get(tree + "?path=docs"), 400).get("detail").asText()).contains("path");
        problem(http().get(tree + "?path=" + "a".repeat(512) + "/"), 400);
        problem(http().get(tree + "?path=a%00/"), 400);
        assertThat(problem(http().get(BUCKET_FILES + "?prefix=" + "%C3%A9".repeat(257)), 400)
                .get("detail").asText()).contains("prefix");
        problem(http().get(BUCKET_FILES + "?prefix=%00"), 400);
        problem(http().get(BUCKET_FILES + "?prefix=%C3%28"), 400);
        problem(http().get(BUCKET_FILES + "?prefix=%E9"), 400);
        problem(http().get(BUCKET_FILES + "?prefix=%ED%A0%80"), 400);
        assertThat(problem(http().get(BUCKET_FILES + "?underReplicated=yes"), 400).get("detail").asText())
                .contains("underReplicated");
        assertThat(http().get(BUCKET_FILES + "?prefix=" + "%C3%A9".repeat(256)).status()).isEqualTo(200);
        assertThat(http().get(BUCKET_FILES + "?unknown=1&foo=%zz".replace("%zz", "x")).status()).isEqualTo(200);
    }

    @Test
    default void malformedHistoryAndChangeParameters_are400_namingTheParameter() {
        String history = CHAIN + "/files/" + file(1) + "/history";
        assertThat(problem(http().get(history + "?order=newest"), 400).get("detail").asText()).contains("order");
        problem(http().get(history + "?order=DESC"), 400);
        problem(http().get(history + "?limit=0"), 400);
        problem(http().get(history + "?cursor=garbage"), 400);
        assertThat(problem(http().get(CHAIN + "/files/0x12/history"), 400).get("detail").asText()).contains("fileKey");
        assertThat(problem(http().get(CHAIN + "/buckets/x/history"), 400).get("detail").asText()).contains("bucketId");
        assertThat(problem(http().get(CHAIN + "/msps/" + account(1) + "/history"), 400).get("detail").asText())
                .contains("mspId");
        assertThat(problem(http().get(CHAIN + "/bsps/0x/history"), 400).get("detail").asText()).contains("bspId");

        String changes = CHAIN + "/changes";
        for (String after : List.of("1", "a:b", "1:2:3", "4294967296:0", "0:4294967296", "-1:0", "1:", ":1", "",
                "1%3A2%3A", "99999999999999999999:0")) {
            assertThat(problem(http().get(changes + "?after=" + after), 400).get("detail").asText()).as(after)
                    .contains("after");
        }
        for (String filter : List.of("bucket", "file", "msp", "bsp", "account")) {
            assertThat(problem(http().get(changes + "?" + filter + "=0xzz"), 400).get("detail").asText()).as(filter)
                    .contains(filter);
            problem(http().get(changes + "?" + filter + "="), 400);
        }
        problem(http().get(changes + "?account=" + provider(1)), 400);
        problem(http().get(changes + "?limit=1001"), 400);
        problem(http().get(changes + "?waitMs=10001"), 400);
        problem(http().get(changes + "?waitMs=-1"), 400);
        problem(http().get(changes + "?cursor=garbage"), 400);
        assertThat(problem(http().get(changes + "?after=1:0&cursor=x"), 400).get("detail").asText()).contains("cursor");
        for (String lastEventId : List.of("x", "1", "1:x", "4294967296:0", "-1:-1")) {
            io.storagehub.api.support.RawHttp.Answer answer = io.storagehub.api.support.RawHttp.get(http().port(),
                    changes, "Accept: text/event-stream", "Last-Event-ID: " + lastEventId);
            assertThat(answer.status()).as(lastEventId).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("Last-Event-ID");
        }
    }

    @Test
    default void malformedConsistencyParameters_are400() {
        for (String query : List.of("minBlock=-1", "minBlock=4294967296", "minBlock=x", "minBlock=1&waitMs=10001",
                "minBlock=1&waitMs=-5", "minBlock=1&waitMs=abc")) {
            problem(http().get(CHAIN + "/msps?" + query), 400);
        }
    }
}
