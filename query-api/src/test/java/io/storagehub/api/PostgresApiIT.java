package io.storagehub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.api.contract.ChangeStreamContract;
import io.storagehub.api.contract.ConsistencyContract;
import io.storagehub.api.contract.HistoryContract;
import io.storagehub.api.contract.EntityContract;
import io.storagehub.api.contract.ErrorContract;
import io.storagehub.api.contract.GeneratedChainContract;
import io.storagehub.api.contract.ListContract;
import io.storagehub.api.contract.OpsContract;
import io.storagehub.api.contract.TreeContract;
import io.storagehub.api.http.ApiServer;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.PostgresFixture;
import io.storagehub.api.support.SseClient;
import io.storagehub.api.support.TestChain;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import io.storagehub.testkit.chain.ChainScript;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole API contract over Postgres: the read model filled by the production writer, the API started by
 * {@link QueryApi#start} connecting with a read-only role, waiting requests woken by the writer's notifications.
 */
class PostgresApiIT implements EntityContract, ListContract, TreeContract, ErrorContract, ConsistencyContract,
        OpsContract, GeneratedChainContract, HistoryContract, ChangeStreamContract {
    private static PostgresFixture database;
    private static QueryApi api;

    @BeforeAll
    static void start() {
        database = PostgresFixture.create(TestChain.events());
        database.index(GeneratedChainContract.generatedEvents());
        api = QueryApi.start(database.apiConfig());
    }

    @AfterAll
    static void stop() {
        api.stop();
        database.close();
    }

    @Override
    public Http http() {
        return new Http(api.port());
    }

    @Override
    public List<ApiServer.Route> routes() {
        return api.routes();
    }

    @Override
    public StorageQueries expected() {
        return database.queries();
    }

    @Override
    public void index(List<Envelope> events) {
        database.index(events);
    }

    @Test
    void aWaitingRequest_isWokenByTheWritersNotification_notByThePoll() throws Exception {
        // given: an API whose fallback poll (10 s) is longer than the request's wait (8 s)
        try (QueryApi slowPoll = QueryApi.start(database.apiConfig(TestDatabase.jdbcUrl(), Duration.ofSeconds(10)))) {
            Http http = new Http(slowPoll.port());
            Wait.until(Duration.ofSeconds(10), "the index listener up",
                    () -> metric(http, "storagehub_api_index_listener_up") == 1);
            ChainScript script = ChainScript.on("notified-" + Long.toHexString(System.nanoTime()));
            script.mspSignUp(1, 1);
            database.index(script.emitted());
            CompletableFuture<Http.Answer> waiting = http.getAsync("/v1/chains/" + script.chain() + "/msps?minBlock=2"
                    + "&waitMs=8000");
            Wait.until(Duration.ofSeconds(5), "one waiting request",
                    () -> metric(http, "storagehub_api_waiting_requests") == 1);

            // when
            script.nextBlock();
            script.bspSignUp(2);
            long indexed = System.nanoTime();
            database.index(script.emitted().subList(1, 2));

            // then
            Http.Answer answer = waiting.get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - indexed)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void anEventStream_isWokenByTheWritersNotification_andEndsWhenTheApiStops() {
        // given: an API whose fallback poll (10 s) is far longer than the wait below, and a stream from its head
        QueryApi slowPoll = QueryApi.start(database.apiConfig(TestDatabase.jdbcUrl(), Duration.ofSeconds(10)));
        try {
            Http http = new Http(slowPoll.port());
            Wait.until(Duration.ofSeconds(10), "the index listener up",
                    () -> metric(http, "storagehub_api_index_listener_up") == 1);
            ChainScript script = ChainScript.on("sse-notified-" + Long.toHexString(System.nanoTime()));
            script.mspSignUp(1, 1);
            database.index(script.emitted());
            try (SseClient client = SseClient.open(slowPoll.port(), "/v1/chains/" + script.chain() + "/changes")) {
                assertThat(client.status()).isEqualTo(200);

                // when
                script.nextBlock();
                script.bspSignUp(2);
                long indexed = System.nanoTime();
                database.index(script.emitted().subList(1, 2));

                // then: the change arrives from the notification, then the stream ends with the API
                SseClient.Event event = client.next(Duration.ofSeconds(8));
                assertThat(Duration.ofNanos(System.nanoTime() - indexed)).isLessThan(Duration.ofSeconds(5));
                assertThat(event.event()).isEqualTo("Providers.BspSignUpSuccess");
                assertThat(event.id()).isEqualTo("2:0");
                long stopping = System.nanoTime();
                slowPoll.stop();
                assertThat(client.awaitEnd(Duration.ofSeconds(10))).as("the stream ended").isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(10));
            }
        } finally {
            slowPoll.stop();
        }
    }

    @Test
    void metrics_includeTheConnectionPool() {
        http().get(CHAIN + "/msps");

        assertThat(http().get("/metrics").body())
                .containsPattern("hikaricp_connections\\{pool=\"storagehub-api\"} [0-9]")
                .contains("storagehub_api_index_listener_up 1.0");
    }

    private static double metric(Http http, String name) {
        for (String line : http.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1));
            }
        }
        return -1;
    }

    @Test
    void theApisRole_canReadButNeverWrite_evenOutsideReadOnlyTransactions() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl(), database.role(),
                database.rolePassword());
             PreparedStatement setting = c.prepareStatement(PostgresFixture.resource("set-config.sql"));
             Statement s = c.createStatement()) {
            set(setting, "search_path", database.schemaName());
            set(setting, "default_transaction_read_only", "off");
            assertThat(s.execute(PostgresFixture.resource("read-attempt.sql"))).isTrue();
            for (String write : PostgresFixture.resource("write-attempts.sql").split("\n")) {
                assertThatThrownBy(() -> s.execute(write)).as(write).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
    }

    private static void set(PreparedStatement setting, String name, String value) throws SQLException {
        setting.setString(1, name);
        setting.setString(2, value);
        setting.execute();
    }
}
