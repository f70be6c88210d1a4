package io.storagehub.reliability.privilege;

import io.storagehub.api.QueryApi;
import io.storagehub.api.config.ApiConfig;
import io.storagehub.api.db.ReadOnlyRole;
import io.storagehub.indexer.cli.IndexerCli;
import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.GeneratedChains;
import io.storagehub.reliability.support.Env;
import io.storagehub.reliability.support.HttpProbe;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (least privilege across rebuilds): the query API, connected with the read-only role that
 * {@code create-readonly-role.sql} creates, keeps answering while {@code indexer rebuild --drop-old} replays the
 * topic into a fresh schema, switches it in and drops the old one. Every answer before, during and after the switch
 * is 200; none is a 5xx.
 */
class RebuildUnderReadOnlyApiIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int PARTITIONS = 2;
    private static final int AFTER_SWITCH_ROUNDS = 40;

    /** The answers of one phase, by status. */
    private static final class Statuses {
        private final Map<Integer, Integer> counts = new TreeMap<>();

        synchronized void add(int status) {
            counts.merge(status, 1, Integer::sum);
        }

        synchronized int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        synchronized int not200() {
            return total() - counts.getOrDefault(200, 0);
        }

        synchronized int serverErrors() {
            return counts.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        }

        @Override
        public synchronized String toString() {
            return counts.toString();
        }
    }

    @Test
    @SuppressWarnings("try") // the live indexer is a resource only to run beside the rebuild and stop after it
    void theReadOnlyApi_answers200_before_during_andAfterARebuildSwitch() throws Exception {
        Sizes sizes = Sizes.fromSystemProperties();
        int events = sizes.integer("rebuild-api.events", 6_000, 100_000, 100, 10_000_000);
        long seed = sizes.seed(20261204L);
        String role = "rebuild_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String password = UUID.randomUUID().toString();
        try (Scenario scenario = Scenario.start("rebuild-read-only-api",
                "The read-only API across a rebuild's schema switch", getClass(), sizes);
             IsolatedSchema schema = TestDatabase.isolatedSchema();
             ReadModelDb db = new ReadModelDb(schema.jdbcUrl(), schema.user(), schema.password(), schema.name());
             Feed feed = new Feed(TestKafka.bootstrapServers(), TestKafka.uniqueTopic("rebuild-api"))) {
            // given: a live indexer that indexed the topic, and the API on the read-only role
            TestKafka.createTopic(feed.topic(), PARTITIONS);
            new GeneratedChains(feed, PARTITIONS, seed, 0).publish(events);
            ChildConfig config = new ChildConfig(TestKafka.bootstrapServers(), feed.topic(),
                    "rebuild-api-" + feed.topic(), schema.jdbcUrl(), schema.user(), schema.password(), schema.name(),
                    500);
            try (ChildIndexer live = ChildIndexer.start("indexer", config, Env.logs("rebuild-read-only-api"))) {
                Wait.until(TIMEOUT, "topic indexed", () -> db.caughtUp(feed.topic(), feed.ledger().ends()));
                ReadOnlyRole.grant(TestDatabase.adminDataSource(), schema.name(), role, password);
                ApiConfig api = new ApiConfig("127.0.0.1", 0, 32, TestDatabase.jdbcUrl(), role, password,
                        schema.name(), 4, Duration.ofSeconds(5), Duration.ofMillis(1000),
                        "reliability-cursor-secret-0123456789abcdef", Duration.ofSeconds(10),
                        Duration.ofMillis(200), Duration.ofSeconds(1));
                try (QueryApi server = QueryApi.start(api)) {
                    HttpProbe http = new HttpProbe(server.port());
                    List<String> paths = paths();
                    Statuses before = new Statuses();
                    Statuses during = new Statuses();
                    Statuses after = new Statuses();
                    round(http, paths, before);

                    // when: a rebuild with --drop-old runs beside the live indexer while clients keep asking
                    AtomicReference<Statuses> phase = new AtomicReference<>(during);
                    AtomicBoolean stop = new AtomicBoolean();
                    CompletableFuture<Void> clients = CompletableFuture.runAsync(() -> {
                        while (!stop.get()) {
                            round(http, paths, phase.get());
                        }
                    });
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    long start = System.nanoTime();
                    int exit = IndexerCli.execute(config.environment(), new PrintWriter(out, true),
                            new PrintWriter(err, true), "rebuild", "--drop-old");
                    double rebuildSeconds = (System.nanoTime() - start) / 1e9;
                    phase.set(after);
                    Wait.until(TIMEOUT, "answers after the switch",
                            () -> after.total() >= AFTER_SWITCH_ROUNDS * paths.size());
                    stop.set(true);
                    clients.get();

                    // then
                    HttpProbe.Answer ready = http.get("/ready");
                    int serverErrors = before.serverErrors() + during.serverErrors() + after.serverErrors();
                    scenario.figure(Scenario.FAULTS, 1)
                            .figure(Scenario.HTTP_5XX, serverErrors)
                            .figure("events", events)
                            .figure("rebuildSeconds", rebuildSeconds)
                            .figure("answersBefore", before.total())
                            .figure("answersDuringRebuild", during.total())
                            .figure("answersAfterSwitch", after.total())
                            .check("the rebuild succeeds", exit == 0, "exit " + exit + ": " + out + err)
                            .check("every answer before the rebuild is 200", before.not200() == 0, before)
                            .check("every answer during the rebuild is 200", during.not200() == 0, during)
                            .check("every answer after the switch is 200", after.not200() == 0, after)
                            .check("answers were taken during the rebuild", during.total() > 0, during)
                            .check("the API is ready after the switch", ready.status() == 200, ready);
                    scenario.verify();
                }
            } finally {
                ReadOnlyRole.drop(TestDatabase.adminDataSource(), role);
            }
        }
    }

    private static List<String> paths() {
        String chain = "/v1/chains/" + GeneratedChains.chain(0);
        return List.of("/v1/chains", chain + "/msps?limit=5", chain + "/bsps?limit=5",
                "/v1/chains/" + GeneratedChains.chain(1) + "/msps?limit=5");
    }

    private static void round(HttpProbe http, List<String> paths, Statuses statuses) {
        for (String path : paths) {
            statuses.add(http.status(path));
        }
    }
}
