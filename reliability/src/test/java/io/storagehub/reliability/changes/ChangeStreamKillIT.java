package io.storagehub.reliability.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.api.db.ReadOnlyRole;
import io.storagehub.api.http.Json;
import io.storagehub.api.support.SseClient;
import io.storagehub.projection.jdbi.JdbiStorageQueries;
import io.storagehub.reliability.child.ChildApi;
import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.GeneratedChains;
import io.storagehub.reliability.support.Env;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.net.FreePort;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a client follows a filtered {@code GET /changes} event stream (resuming with {@code Last-Event-ID}
 * whenever it breaks, as EventSource does) while the query API and the indexer, each its own process, are killed
 * with SIGKILL and restarted, and more events keep arriving. Every matching change arrives exactly once, in
 * position order, equal to what the storage holds.
 */
class ChangeStreamKillIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = Json.mapper();
    private static final String CHAIN = GeneratedChains.chain(0);

    @Test
    void aFilteredStream_resumedByLastEventId_getsEveryMatchingChangeOnce_acrossKillsOfTheApiAndTheIndexer()
            throws Exception {
        Sizes sizes = Sizes.fromSystemProperties();
        int events = sizes.integer("change-stream.events", 4_000, 100_000, 400, 10_000_000);
        long seed = sizes.seed(20261205L);
        String role = "stream_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String password = UUID.randomUUID().toString();
        Path logs = Env.logs("change-stream-kill");
        try (Scenario scenario = Scenario.start("change-stream-kill",
                "A filtered change stream across SIGKILLs of the API and the indexer", getClass(), sizes);
             IsolatedSchema schema = TestDatabase.isolatedSchema();
             ReadModelDb db = new ReadModelDb(schema.jdbcUrl(), schema.user(), schema.password(), schema.name());
             Feed feed = new Feed(TestKafka.bootstrapServers(), TestKafka.uniqueTopic("change-stream"))) {
            // given: a chain indexed up to a first part, the API on the read-only role, and a client following the
            // changes of the chain's busiest MSP from the last change so far
            TestKafka.createTopic(feed.topic(), 1);
            GeneratedChains chains = new GeneratedChains(feed, 1, seed, 0);
            chains.publish(events / 4);
            ChildConfig config = new ChildConfig(TestKafka.bootstrapServers(), feed.topic(),
                    "change-stream-" + feed.topic(), schema.jdbcUrl(), schema.user(), schema.password(),
                    schema.name(), 200);
            JdbiStorageQueries storage = new JdbiStorageQueries(db.jdbi());
            ChildIndexer indexer = ChildIndexer.start("indexer-1", config, logs);
            ChildApi api = null;
            try {
                Wait.until(TIMEOUT, "first part indexed", () -> db.caughtUp(feed.topic(), feed.ledger().ends()));
                ReadOnlyRole.grant(TestDatabase.adminDataSource(), schema.name(), role, password);
                int port = FreePort.pick();
                Map<String, String> apiEnv = apiEnvironment(schema, role, password);
                api = ChildApi.start("api-1", port, apiEnv, logs);
                String msp = busiestMsp(storage);
                ChangeFilter filter = onlyMsp(msp);
                Position start = all(storage, ChangeFilter.NONE, Position.ORIGIN).stream()
                        .reduce((a, b) -> b).map(ChangeView::position).orElse(Position.ORIGIN);
                String target = "/v1/chains/" + CHAIN + "/changes?msp=" + msp + "&after=" + start;
                int kills = 0;
                try (StreamFollower follower = new StreamFollower(port, target)) {
                    // when: events keep coming while the API, then the indexer, then both are killed and restarted
                    following(follower, 1);
                    chains.publish(events / 8);
                    api.kill();
                    kills++;
                    chains.publish(events / 8);
                    api = ChildApi.start("api-2", port, apiEnv, logs);
                    following(follower, 2);

                    chains.publish(events / 8);
                    indexer.kill();
                    kills++;
                    chains.publish(events / 8);
                    indexer = ChildIndexer.start("indexer-2", config, logs);

                    chains.publish(events / 8);
                    api.kill();
                    indexer.kill();
                    kills += 2;
                    chains.publish(events / 8);
                    indexer = ChildIndexer.start("indexer-3", config, logs);
                    api = ChildApi.start("api-3", port, apiEnv, logs);
                    following(follower, 3);
                    chains.publish(events / 8);

                    // then: once everything is indexed, the client has every matching change after the start, once
                    Wait.until(TIMEOUT, "everything indexed", () -> db.caughtUp(feed.topic(), feed.ledger().ends()));
                    List<ChangeView> expected = all(storage, filter, start);
                    Wait.within(Duration.ofSeconds(60), () -> follower.received().size() >= expected.size());
                    boolean more = Wait.within(Duration.ofSeconds(1),
                            () -> follower.received().size() > expected.size());
                    List<SseClient.Event> received = follower.received();
                    List<String> expectedIds = expected.stream().map(c -> c.position().toString()).toList();
                    List<String> receivedIds = received.stream().map(SseClient.Event::id).toList();
                    Set<String> distinct = new HashSet<>(receivedIds);
                    List<String> missing = new ArrayList<>(expectedIds);
                    missing.removeAll(distinct);
                    int doubled = receivedIds.size() - distinct.size();
                    scenario.figure(Scenario.FAULTS, kills)
                            .figure(Scenario.LOST, missing.size())
                            .figure(Scenario.DOUBLED, doubled)
                            .figure("records", feed.ledger().total())
                            .figure("matchingChanges", expected.size())
                            .figure("received", received.size())
                            .figure("streamsOpened", follower.connections())
                            .figure("connectAttemptsFailed", follower.refused())
                            .figure("failedAttempts", follower.failures())
                            .check("the filter matches changes after the start", expected.size() >= 20,
                                    expected.size())
                            .check("the stream broke and was resumed", follower.connections() >= 3,
                                    follower.connections())
                            .check("every matching change arrived", missing.isEmpty(), first(missing))
                            .check("no change arrived twice", doubled == 0, doubled)
                            .check("nothing arrived after the last matching change", !more, received.size())
                            .check("the changes arrived in position order and nothing else did",
                                    receivedIds.equals(expectedIds), firstDifference(expectedIds, receivedIds))
                            .check("each message is the stored change",
                                    sameChanges(expected, received), "see " + logs)
                            .check("each message is named {pallet}.{name}", received.stream().allMatch(
                                    e -> e.event().matches("[A-Za-z]+\\.[A-Za-z]+")), "event names");
                }
                scenario.check("the API stops cleanly on SIGTERM", api.terminate() == 143, api.tail());
                api = null;
                scenario.check("the indexer stops cleanly on SIGTERM", indexer.terminate() == 143,
                        indexer.log().tail(20));
                scenario.verify();
            } finally {
                if (api != null) {
                    api.close();
                }
                indexer.close();
                ReadOnlyRole.drop(TestDatabase.adminDataSource(), role);
            }
        }
    }

    /** Waits until the client has opened its {@code n}-th stream. */
    private static void following(StreamFollower follower, int n) {
        Wait.until(TIMEOUT, "stream " + n + " opened", () -> follower.connections() >= n);
    }

    private static Map<String, String> apiEnvironment(IsolatedSchema schema, String role, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("STORAGEHUB_DB_URL", TestDatabase.jdbcUrl());
        env.put("STORAGEHUB_DB_USER", role);
        env.put("STORAGEHUB_DB_PASSWORD", password);
        env.put("STORAGEHUB_DB_SCHEMA", schema.name());
        env.put("STORAGEHUB_API_CURSOR_SECRET", "reliability-cursor-secret-0123456789abcdef");
        env.put("STORAGEHUB_API_DB_POOL_SIZE", "4");
        env.put("STORAGEHUB_API_WAIT_POLL_MS", "200");
        env.put("STORAGEHUB_API_STREAM_KEEPALIVE_MS", "1000");
        return env;
    }

    /** The MSP whose row most changes touched so far (so the filtered stream has much to carry). */
    private static String busiestMsp(JdbiStorageQueries storage) {
        List<MspView> msps = storage.msps(CHAIN, PageRequest.first(50)).items();
        return msps.stream()
                .max(Comparator.comparingInt(m -> all(storage, onlyMsp(m.mspId().hex()),
                        Position.ORIGIN).size()))
                .orElseThrow().mspId().hex();
    }

    private static ChangeFilter onlyMsp(String msp) {
        return new ChangeFilter(Optional.empty(), Optional.empty(), Optional.of(ProviderId.of(msp)), Optional.empty(),
                Optional.empty());
    }

    private static List<ChangeView> all(JdbiStorageQueries storage, ChangeFilter filter, Position after) {
        List<ChangeView> all = new ArrayList<>();
        Position from = after;
        while (true) {
            List<ChangeView> page = storage.changes(CHAIN, filter, from, PageRequest.MAX_LIMIT);
            all.addAll(page);
            if (page.size() < PageRequest.MAX_LIMIT) {
                return all;
            }
            from = page.get(page.size() - 1).position();
        }
    }

    private static boolean sameChanges(List<ChangeView> expected, List<SseClient.Event> received) {
        if (expected.size() != received.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!tree(Json.oneLine(expected.get(i))).equals(tree(received.get(i).data()))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object first(List<String> ids) {
        return ids.isEmpty() ? "none" : ids.size() + " missing, first " + ids.get(0);
    }

    private static String firstDifference(List<String> expected, List<String> received) {
        for (int i = 0; i < Math.min(expected.size(), received.size()); i++) {
            if (!expected.get(i).equals(received.get(i))) {
                return "at " + i + ": expected " + expected.get(i) + ", received " + received.get(i);
            }
        }
        return "expected " + expected.size() + ", received " + received.size();
    }
}
