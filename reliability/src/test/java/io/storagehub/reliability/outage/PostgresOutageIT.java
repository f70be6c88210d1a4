package io.storagehub.reliability.outage;

import io.storagehub.api.QueryApi;
import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.GeneratedChains;
import io.storagehub.reliability.support.Env;
import io.storagehub.reliability.support.HttpProbe;
import io.storagehub.reliability.support.Outcomes;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.reliability.support.Topics;
import io.storagehub.reliability.verify.BatchLog;
import io.storagehub.reliability.verify.Verdicts;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.PostgresServer;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2: Postgres stops mid-stream (its own server, stopped and started on the same port and data) while
 * the indexer process consumes and the API serves. The indexer stays up, turns not-ready, and neither counts nor
 * commits anything while the database is gone; the API answers 503; both recover by themselves, and the final
 * read model is the reference's, every record counted once.
 */
class PostgresOutageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int PARTITIONS = 2;

    @Test
    void postgresDownMidStream_indexerHoldsItsOffsets_apiAnswers503_andBothRecover() {
        Sizes sizes = Sizes.fromSystemProperties();
        int events = sizes.integer("outage.events", 12_000, 200_000, 100, 10_000_000);
        Duration outage = sizes.seconds("outage.seconds", 8, 30, 1, 3600);
        long seed = sizes.seed(20261125L);
        try (Scenario scenario = Scenario.start("postgres-outage", "Postgres stopped mid-stream, then started",
                getClass(), sizes);
             OwnPostgres pg = new OwnPostgres();
             ReadModelDb db = new ReadModelDb(pg.jdbcUrl(), PostgresServer.SUPERUSER,
                     PostgresServer.SUPERUSER_PASSWORD, OwnPostgres.SCHEMA);
             Topics topics = new Topics(TestKafka.bootstrapServers());
             Feed feed = new Feed(TestKafka.bootstrapServers(), TestKafka.uniqueTopic("pg-outage"))) {
            // given: an indexer part-way through a stream, the API serving
            TestKafka.createTopic(feed.topic(), PARTITIONS);
            GeneratedChains chains = new GeneratedChains(feed, PARTITIONS, seed, 300);
            chains.publish(events / 2);
            ChildConfig config = new ChildConfig(TestKafka.bootstrapServers(), feed.topic(), "outage-" + feed.topic(),
                    pg.jdbcUrl(), PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD, OwnPostgres.SCHEMA,
                    100);
            try (ChildIndexer child = ChildIndexer.start("indexer", config, Env.logs("postgres-outage"));
                 QueryApi api = QueryApi.start(pg.apiConfig())) {
                HttpProbe http = new HttpProbe(api.port());
                String chainPath = "/v1/chains/" + GeneratedChains.chain(0) + "/msps?limit=5";
                Wait.until(TIMEOUT, "indexer ready", () -> child.status("/ready").orElse(0) == 200);
                Wait.until(TIMEOUT, "indexer mid-stream", () -> db.progress(feed.topic()) >= events / 4);
                Wait.until(TIMEOUT, "API answers", () -> http.status(chainPath) == 200);
                // when: the database stops, and records keep arriving
                int mark = child.log().mark();
                pg.server().stop();
                long down = System.nanoTime();
                chains.publish(events - events / 2);
                OutageWatch watch = new OutageWatch(child, topics, config.group(), Optional.of(http), chainPath);
                watch.watch(down, outage, true);
                // the stored offsets after the outage, read while the indexer is frozen, are where its last
                // batch before the outage ended: nothing moved them while the database was gone
                child.pause();
                pg.server().start();
                long up = System.nanoTime();
                Wait.until(TIMEOUT, "the database answers again", () -> db.storedOffsets(feed.topic()).isPresent());
                Map<Integer, Long> storedAfter = db.storedOffsets(feed.topic()).orElseThrow();
                Map<Integer, Long> lastBefore = BatchLog.lastCommitted(child.log().lines());
                child.resume();
                scenario.figure("storedOffsetsAfterOutage", storedAfter)
                        .figure("lastBatchEndBeforeOutage", lastBefore)
                        .check("the stored offsets after the outage are where the last batch before it ended",
                                storedAfter.equals(lastBefore), storedAfter + " vs " + lastBefore);
                scenario.figure(Scenario.FAULTS, 1).figure("outageSeconds", outage.toSeconds())
                        .figure("indexer.readyRedAfterMs", watch.redAfterMillis())
                        .figure("indexer.probesDuringOutage", watch.probes())
                        .figure("indexer.recordsReadMovedWhileDown", watch.counterMoves())
                        .figure("indexer.kafkaOffsetsMovedWhileDown", watch.offsetMoves())
                        .figure("indexer.retriesWhileDown", watch.retriesDuringOutage())
                        .figure("indexer.circuitBreakerMaxState", watch.maxCircuitState())
                        .figure("api.answersWhileDown", watch.apiAnswers())
                        .figure(Scenario.HTTP_5XX, watch.apiUnexpected5xx())
                        .check("the indexer's readiness turned red", watch.redAfterMillis() >= 0, watch.probes())
                        .check("the counters were probed while red", watch.probes().get("countersWhileRed") >= 2,
                                watch.probes())
                        .check("readiness stayed red while down", watch.greenWhileDown() == 0, watch.greenWhileDown())
                        .check("nothing was counted while down", watch.counterMoves() == 0, watch.counterMoves())
                        .check("no offset was committed while down", watch.offsetMoves() == 0, watch.offsetMoves())
                        .check("the API answered every chain request with 503 while down", watch.apiNot503() == 0,
                                watch.apiAnswers());
                // then: both recover by themselves
                Wait.until(TIMEOUT, "indexer ready again", () -> child.status("/ready").orElse(0) == 200);
                scenario.figure("indexer.readyGreenAfterRestartMs", (System.nanoTime() - up) / 1_000_000);
                Wait.until(TIMEOUT, "API answers again", () -> http.status(chainPath) == 200);
                scenario.figure("api.recoveredAfterRestartMs", (System.nanoTime() - up) / 1_000_000);
                Wait.until(TIMEOUT, "indexer caught up", () -> db.caughtUp(feed.topic(), feed.ledger().ends()));
                int letters = feed.ledger().deadLetters().size();
                Wait.until(TIMEOUT, "DLQ published", () -> topics.count(feed.topic() + ".dlq") >= letters);
                Wait.until(TIMEOUT, "all counted", () -> child.metrics().recordsRead() >= feed.ledger().total());
                Outcomes.check(scenario, child.metrics(), feed.ledger().counts(), feed.ledger().total());
                int resumeMismatches = BatchLog.resumeMismatches(child.log().lines(), mark);
                scenario.figure("records", feed.ledger().total())
                        .figure("relay.recoveredFromTopicTail", Outcomes.relayRecovered(child.log().lines()))
                        .figure("indexer.partitionsNotResumedAtStoredOffset", resumeMismatches)
                        .check("the indexer resumed at its stored offsets", resumeMismatches == 0, resumeMismatches)
                        .check("the indexer stops cleanly on SIGTERM", child.terminate() == 143, child.log().tail(20));
                Verdicts.readModelAndDeadLetters(scenario, feed, db, topics, child.log().lines(), 0);
            }
            scenario.verify();
        }
    }
}
