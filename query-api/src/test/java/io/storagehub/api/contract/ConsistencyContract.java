package io.storagehub.api.contract;

import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.api.support.Http;
import io.storagehub.api.support.TestChain;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.Balance;
import io.storagehub.testkit.chain.ChainScript;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code X-Indexed-Block} and read-your-writes with {@code ?minBlock=&waitMs=}. */
public interface ConsistencyContract extends ApiUnderTest {

    @Test
    default void minBlock_alreadyIndexed_answersAtOnce() {
        Http.Answer answer = http().get(CHAIN + "/msps?minBlock=" + indexedBlock() + "&waitMs=10000");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Indexed-Block")).isEqualTo(Long.toString(indexedBlock()));
    }

    @Test
    default void minBlock_ahead_withoutWaiting_is503_withRetryAfter() {
        Http.Answer answer = http().get(CHAIN + "/msps?minBlock=" + (indexedBlock() + 100));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.json().get("type").asText()).endsWith("/index-behind");
        assertThat(answer.header("X-Indexed-Block")).isEqualTo(Long.toString(indexedBlock()));
    }

    @Test
    default void minBlock_ahead_is503_afterWaitMs() {
        long started = System.nanoTime();

        Http.Answer answer = http().get(CHAIN + "/files/" + ChainScript.file(1) + "?minBlock="
                + (indexedBlock() + 100) + "&waitMs=300");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    default void waitingRequests_answer_whenTheBlockIsIndexed() throws Exception {
        // given: a chain at block 1, and requests waiting for block 2
        String chain = "api-wait-" + Long.toHexString(System.nanoTime());
        ChainScript script = ChainScript.on(chain);
        script.mspSignUp(1, 1);
        index(script.emitted());
        String path = "/v1/chains/" + chain + "/msps/" + provider(1);
        List<CompletableFuture<Http.Answer>> waiting = List.of(
                http().getAsync(path + "?minBlock=2&waitMs=10000"),
                http().getAsync(path + "?minBlock=2&waitMs=10000"),
                http().getAsync("/v1/chains/" + chain + "/msps?minBlock=2&waitMs=10000"));
        Wait.until(Duration.ofSeconds(10), "3 waiting requests", () -> waitingRequests() >= 3);
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        // when: block 2 lands
        script.nextBlock();
        script.next(new ProvidersEvent.Slashed(provider(1), Balance.of(7)));
        index(script.emitted().subList(1, 2));

        // then: every waiting request answers with block 2's state
        for (CompletableFuture<Http.Answer> request : waiting) {
            Http.Answer answer = request.get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.header("X-Indexed-Block")).isEqualTo("2");
        }
        assertThat(waiting.get(0).get().json().get("slashedTotal").asText()).isEqualTo("7");
        Wait.until(Duration.ofSeconds(5), "no waiting request", () -> waitingRequests() == 0);
    }

    @Test
    default void everyChainAnswer_carriesTheIndexedBlock() {
        String block = Long.toString(indexedBlock());
        for (String path : List.of("/bsps", "/msps/" + provider(TestChain.MSP), "/buckets/" + ChainScript.bucket(1)
                + "/tree", "/accounts/" + ChainScript.account(1) + "/payment-streams")) {
            assertThat(http().get(CHAIN + path).header("X-Indexed-Block")).as(path).isEqualTo(block);
        }
    }

    /** The watcher's gauge, read from the metrics endpoint. */
    default double waitingRequests() {
        for (String line : http().get("/metrics").body().split("\n")) {
            if (line.startsWith("storagehub_api_waiting_requests ")) {
                return Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            }
        }
        throw new AssertionError("no waiting-requests gauge in /metrics");
    }
}
