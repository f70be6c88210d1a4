package io.storagehub.api;

import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.api.support.Http;
import io.storagehub.api.support.PostgresFixture;
import io.storagehub.api.support.SseClient;
import io.storagehub.api.support.TcpProxy;
import io.storagehub.api.support.TestChain;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.Balance;
import io.storagehub.testkit.chain.ChainScript;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running API (a proxy in front of Postgres closes every connection and refuses
 * new ones): requests answer 503 with {@code Retry-After} quickly, the process stays up, and it answers again by
 * itself when the database is back.
 */
class DatabaseOutageIT {
    private static final String MSP = "/v1/chains/" + TestChain.NAME + "/msps/" + provider(TestChain.MSP);
    private static PostgresFixture database;
    private static TcpProxy proxy;

    @BeforeAll
    static void fill() {
        database = PostgresFixture.create(TestChain.events());
        proxy = new TcpProxy(PostgresFixture.databasePort());
    }

    @AfterAll
    static void drop() {
        proxy.close();
        database.close();
    }

    private static QueryApi startThroughProxy() {
        return QueryApi.start(database.apiConfig(PostgresFixture.withPort(TestDatabase.jdbcUrl(), proxy.port())));
    }

    @Test
    void requests_are503_whileTheDatabaseIsDown_andRecover() {
        proxy.start();
        try (QueryApi api = startThroughProxy()) {
            Http http = new Http(api.port());
            assertThat(http.get(MSP).status()).isEqualTo(200);

            // when: the database goes away
            proxy.stop();

            // then: fast 503s with Retry-After, health still fine, readiness not
            long started = System.nanoTime();
            Http.Answer down = http.get(MSP);
            assertThat(down.status()).as("%s", down).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.header("Retry-After")).isEqualTo("5");
            assertThat(down.json().get("type").asText()).endsWith("/database-unavailable");
            assertThat(down.body()).doesNotContain("Exception", "SQL", "Hikari");
            assertThat(http.get("/v1/chains").status()).isEqualTo(503);
            assertThat(http.get("/health").status()).isEqualTo(200);
            Http.Answer notReady = http.get("/ready");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.header("Retry-After")).isNotNull();
            assertThat(notReady.json().get("type").asText()).endsWith("/not-ready");

            // when: it is back
            proxy.start();

            // then: the same process answers again
            Wait.until(Duration.ofSeconds(20), "the MSP answers 200", () -> http.get(MSP).status() == 200);
            Wait.until(Duration.ofSeconds(20), "ready", () -> http.get("/ready").status() == 200);
        }
    }

    @Test
    void theApi_startsWhileTheDatabaseIsDown_andBecomesReadyWhenItComes() {
        proxy.stop();
        try (QueryApi api = startThroughProxy()) {
            Http http = new Http(api.port());
            assertThat(http.get("/health").status()).isEqualTo(200);
            assertThat(http.get("/ready").status()).isEqualTo(503);
            assertThat(http.get(MSP).status()).isEqualTo(503);

            proxy.start();

            Wait.until(Duration.ofSeconds(20), "ready", () -> http.get("/ready").status() == 200);
            assertThat(http.get(MSP).json().get("mspId").asText()).isEqualTo(provider(TestChain.MSP).hex());
        } finally {
            proxy.stop();
        }
    }

    @Test
    void waitingRequests_keepWaiting_acrossAnOutage_andAnswerOnceTheBlockIsIndexed() throws Exception {
        proxy.start();
        try (QueryApi api = startThroughProxy()) {
            // given: a request waiting for the next block
            Http http = new Http(api.port());
            long next = database.queries().chain(TestChain.NAME).orElseThrow().lastIndexedBlock() + 1;
            CompletableFuture<Http.Answer> waiting = http.getAsync(MSP + "?minBlock=" + next + "&waitMs=10000");
            Wait.until(Duration.ofSeconds(10), "one waiting request", () -> http.get("/metrics").body()
                    .contains("storagehub_api_waiting_requests 1.0"));

            // when: the database drops every connection (the listener's too), comes back, and the block lands
            proxy.stop();
            proxy.start();
            database.index(List.of(new Envelope(TestChain.NAME, ChainScript.blockRef(next), 0,
                    new ProvidersEvent.Slashed(provider(TestChain.MSP), Balance.of(1)))));

            // then
            Http.Answer answer = waiting.get(15, TimeUnit.SECONDS);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.header("X-Indexed-Block")).isEqualTo(Long.toString(next));
        } finally {
            proxy.stop();
        }
    }

    @Test
    void anEventStream_staysOpenAcrossAnOutage_andThenCarriesWhatLandedMeanwhile() {
        proxy.start();
        try (QueryApi api = startThroughProxy()) {
            // given: a stream from the chain's head
            long next = database.queries().chain(TestChain.NAME).orElseThrow().lastIndexedBlock() + 1;
            try (SseClient stream = SseClient.open(api.port(), "/v1/chains/" + TestChain.NAME + "/changes")) {
                assertThat(stream.status()).isEqualTo(200);

                // when: the database drops every connection, a change lands meanwhile, and it comes back
                proxy.stop();
                database.index(List.of(new Envelope(TestChain.NAME, ChainScript.blockRef(next), 0,
                        new ProvidersEvent.Slashed(provider(TestChain.MSP), Balance.of(2)))));
                int comments = stream.comments();
                Wait.until(Duration.ofSeconds(10), "a keep-alive during the outage",
                        () -> stream.comments() > comments);
                proxy.start();

                // then: the same stream carries the change
                SseClient.Event event = stream.next(Duration.ofSeconds(20));
                assertThat(event.id()).isEqualTo(next + ":0");
                assertThat(event.event()).isEqualTo("Providers.Slashed");
                assertThat(stream.ended()).isFalse();
            }
        } finally {
            proxy.stop();
        }
    }
}
