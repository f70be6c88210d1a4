package io.storagehub.api.contract;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.TestChain;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.testkit.chain.ChainScript;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code GET /changes} as JSON pages: position order, filters, {@code after}, cursors and {@code waitMs}. */
public interface ChangesContract extends ApiUnderTest {
    String CHANGES = CHAIN + "/changes";

    /** Every change of {@code chain} after {@code after} that passes {@code filter}, as the storage answers. */
    default List<JsonNode> expectedChanges(String chain, ChangeFilter filter, Position after) {
        List<JsonNode> all = new ArrayList<>();
        Position from = after;
        while (true) {
            List<ChangeView> page = expected().changes(chain, filter, from, PageRequest.MAX_LIMIT);
            page.forEach(change -> all.add(json(change)));
            if (page.size() < PageRequest.MAX_LIMIT) {
                return all;
            }
            from = page.get(page.size() - 1).position();
        }
    }

    /** GETs {@code path} page by page (by {@code nextCursor}) until an empty page. */
    default List<JsonNode> walkChanges(String path, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String cursor = null;
        for (int pages = 0; pages < 10_000; pages++) {
            Http.Answer answer = http().get(path + separator + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            JsonNode body = answer.json();
            assertThat(body.get("items").size()).isLessThanOrEqualTo(limit);
            body.get("items").forEach(items::add);
            assertThat(body.get("nextCursor").isTextual()).as("a change page always has a nextCursor").isTrue();
            if (body.get("items").isEmpty()) {
                return items;
            }
            cursor = body.get("nextCursor").asText();
        }
        throw new AssertionError("the pages did not end");
    }

    static ChangeFilter filter(BucketId bucket, FileKey file, ProviderId msp, ProviderId bsp, AccountId account) {
        return new ChangeFilter(Optional.ofNullable(bucket), Optional.ofNullable(file), Optional.ofNullable(msp),
                Optional.ofNullable(bsp), Optional.ofNullable(account));
    }

    static String at(JsonNode change) {
        return change.get("position").get("block").asLong() + ":" + change.get("position").get("index").asLong();
    }

    @Test
    default void changes_areEveryChangeInPositionOrder_pageByPage() {
        List<JsonNode> all = expectedChanges(TestChain.NAME, ChangeFilter.NONE, Position.ORIGIN);

        assertThat(all).hasSizeGreaterThan(300);
        assertThat(walkChanges(CHANGES, 97)).isEqualTo(all);
        assertThat(http().get(CHANGES).json().get("items")).hasSize(PageRequest.DEFAULT_LIMIT);
    }

    @Test
    default void filters_keepTheChangesOfTheirEntity_combinedWithAnd() {
        record Case(String query, ChangeFilter filter) {
        }
        for (Case c : List.of(
                new Case("bucket=" + bucket(TestChain.BIG_BUCKET),
                        filter(bucket(TestChain.BIG_BUCKET), null, null, null, null)),
                new Case("file=" + file(TestChain.FIRST_FILE).hex().toUpperCase().replace("0X", "0x"),
                        filter(null, file(TestChain.FIRST_FILE), null, null, null)),
                new Case("msp=" + provider(TestChain.MSP), filter(null, null, provider(TestChain.MSP), null, null)),
                new Case("bsp=" + provider(TestChain.BSP), filter(null, null, null, provider(TestChain.BSP), null)),
                new Case("account=" + account(TestChain.PAYER),
                        filter(null, null, null, null, account(TestChain.PAYER))),
                new Case("account=" + account(TestChain.OWNER) + "&bucket=" + bucket(2),
                        filter(bucket(2), null, null, null, account(TestChain.OWNER))),
                new Case("bsp=" + provider(TestChain.BSP) + "&file=" + file(7),
                        filter(null, file(7), null, provider(TestChain.BSP), null)),
                new Case("bucket=" + bucket(TestChain.BIG_BUCKET) + "&account=" + account(3),
                        filter(bucket(TestChain.BIG_BUCKET), null, null, null, account(3))))) {
            List<JsonNode> expected = expectedChanges(TestChain.NAME, c.filter(), Position.ORIGIN);
            assertThat(walkChanges(CHANGES + "?" + c.query(), 50)).as(c.query()).isEqualTo(expected);
        }
        assertThat(expectedChanges(TestChain.NAME, filter(bucket(2), null, null, null, account(TestChain.OWNER)),
                Position.ORIGIN)).hasSizeGreaterThan(1);
        assertThat(expectedChanges(TestChain.NAME, filter(bucket(TestChain.BIG_BUCKET), null, null, null, account(3)),
                Position.ORIGIN)).isEmpty();
    }

    @Test
    default void after_startsStrictlyAfterThePosition_andNextCursorResumes() {
        List<JsonNode> all = expectedChanges(TestChain.NAME, ChangeFilter.NONE, Position.ORIGIN);
        String tenth = at(all.get(9));

        JsonNode page = http().get(CHANGES + "?after=" + tenth + "&limit=5").json();
        assertThat(page.get("items")).containsExactlyElementsOf(all.subList(10, 15));
        JsonNode next = http().get(CHANGES + "?limit=5&cursor=" + page.get("nextCursor").asText()).json();
        assertThat(next.get("items")).containsExactlyElementsOf(all.subList(15, 20));

        String last = at(all.get(all.size() - 1));
        JsonNode end = http().get(CHANGES + "?after=" + last).json();
        assertThat(end.get("items")).isEmpty();
        assertThat(http().get(CHANGES + "?cursor=" + end.get("nextCursor").asText()).json().get("items")).isEmpty();
        assertThat(http().get(CHANGES + "?after=4294967295:4294967295").json().get("items")).isEmpty();
    }

    @Test
    default void waitMs_answersAnEmptyPage_whenAMatchingChangeIsIndexed() throws Exception {
        // given: a chain whose last change is known, and a page waiting for MSP 1's next change
        ChainScript script = ChainScript.on("changes-wait-" + Long.toHexString(System.nanoTime()));
        script.mspSignUp(1, 1);
        script.mspSignUp(2, 2);
        index(script.emitted());
        String changes = "/v1/chains/" + script.chain() + "/changes";
        String last = at(http().get(changes).json().get("items").get(1));
        CompletableFuture<Http.Answer> waiting = http().getAsync(changes + "?after=" + last + "&msp=" + provider(1)
                + "&waitMs=10000");
        Wait.until(Duration.ofSeconds(5), "a page waiting for a change", () -> waitingChanges() >= 1);

        // when: a change of MSP 2 (not matching), then one of MSP 1
        script.nextBlock();
        index(List.of(script.next(new io.storagehub.schema.event.ProvidersEvent.MultiAddressAdded(provider(2),
                "/ip4/10.0.0.2/tcp/1"))));
        assertThat(Wait.within(Duration.ofMillis(300), waiting::isDone)).isFalse();
        long indexed = System.nanoTime();
        index(List.of(script.next(new io.storagehub.schema.event.ProvidersEvent.MultiAddressAdded(provider(1),
                "/ip4/10.0.0.1/tcp/1"))));

        // then: the page answers with MSP 1's change, long before waitMs
        Http.Answer answer = waiting.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - indexed)).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("items")).hasSize(1);
        assertThat(answer.json().get("items").get(0).get("data").get("providerId").asText())
                .isEqualTo(provider(1).hex());
        Wait.until(Duration.ofSeconds(5), "no page waiting", () -> waitingChanges() == 0);
    }

    @Test
    default void waitMs_answersAnEmptyPage_whenNoMatchingChangeComes() {
        long started = System.nanoTime();

        Http.Answer answer = http().get(CHANGES + "?after=4294967295:0&waitMs=300");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("items")).isEmpty();
        assertThat(answer.json().get("nextCursor").isTextual()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    default void changes_cursors_belongToTheirChainAndFilters() {
        String cursor = http().get(CHANGES + "?limit=3").json().get("nextCursor").asText();

        assertThat(http().get(CHANGES + "?cursor=" + cursor).status()).isEqualTo(200);
        assertThat(http().get(CHANGES + "?msp=" + provider(1) + "&cursor=" + cursor).status()).isEqualTo(400);
        assertThat(http().get("/v1/chains/other-chain/changes?cursor=" + cursor).status()).isEqualTo(400);
        assertThat(http().get(CHAIN + "/files/" + file(1) + "/history?cursor=" + cursor).status()).isEqualTo(400);
        assertThat(http().get(CHANGES + "?after=1:0&cursor=" + cursor).status()).isEqualTo(400);
    }

    /** The gauge of pages waiting for a change, read from the metrics endpoint. */
    default double waitingChanges() {
        for (String line : http().get("/metrics").body().split("\n")) {
            if (line.startsWith("storagehub_api_waiting_changes ")) {
                return Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            }
        }
        throw new AssertionError("no waiting-changes gauge in /metrics");
    }
}
