package io.storagehub.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.storagehub.api.support.ManualNotifications;
import io.storagehub.api.support.TestChain;
import io.storagehub.api.support.TestServer;
import io.storagehub.projection.Batch;
import io.storagehub.projection.StorageQueries;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainScript;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole API contract over the in-memory adapter: fast, no database. */
class InMemoryApiTest implements EntityContract, ListContract, TreeContract, ErrorContract, ConsistencyContract,
        OpsContract, GeneratedChainContract, HistoryContract, ChangeStreamContract {
    private static InMemoryProjection projection;
    private static InMemoryQueries queries;
    private static ManualNotifications notifications;
    private static TestServer server;

    @BeforeAll
    static void start() {
        InMemoryStore store = new InMemoryStore();
        projection = new InMemoryProjection(store);
        queries = new InMemoryQueries(store);
        projection.apply(Batch.of(TestChain.events()));
        projection.apply(Batch.of(GeneratedChainContract.generatedEvents()));
        notifications = new ManualNotifications();
        server = TestServer.start(queries, notifications, Optional::empty);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    public Http http() {
        return server.http();
    }

    @Override
    public List<ApiServer.Route> routes() {
        return server.server().routes();
    }

    @Override
    public StorageQueries expected() {
        return queries;
    }

    @Test
    void minBlock_aboveTheCachedBlock_isCheckedAgain_soAMissedNotificationIsNoWrong503() {
        // given: a chain whose block 1 a first request has cached
        ChainScript script = ChainScript.on("api-cached-" + Long.toHexString(System.nanoTime()));
        script.mspSignUp(1, 1);
        projection.apply(Batch.of(script.emitted()));
        String msps = "/v1/chains/" + script.chain() + "/msps";
        assertThat(http().get(msps).header("X-Indexed-Block")).isEqualTo("1");

        // when: block 2 is indexed and its notification never arrives
        script.nextBlock();
        script.bspSignUp(2);
        projection.apply(Batch.of(script.emitted().subList(1, 2)));

        // then: a request for block 2 that will not wait is answered, not a 503
        Http.Answer answer = http().get(msps + "?minBlock=2");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("X-Indexed-Block")).isEqualTo("2");
    }

    @Override
    public void index(List<Envelope> events) {
        projection.apply(Batch.of(events));
        events.stream().map(Envelope::chain).distinct().forEach(notifications::indexed);
    }
}
