package io.storagehub.reliability.outage;

import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.GeneratedChains;
import io.storagehub.reliability.support.Env;
import io.storagehub.reliability.support.Outcomes;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.reliability.support.Topics;
import io.storagehub.reliability.verify.Verdicts;
import io.storagehub.testkit.kafka.KafkaBroker;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: the Kafka broker (its own, in this JVM) stops mid-stream and starts again on the same port and log
 * directory while the indexer process runs. The process stays up, resumes by itself, and every record is
 * accounted for once: the read model equals the reference, the DLQ holds each poison record once, and the
 * counters of the one process add up to exactly what was produced.
 */
class BrokerRestartIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int PARTITIONS = 2;

    @Test
    void brokerRestartedMidStream_theIndexerResumes_withNothingLostOrDoubled() {
        Sizes sizes = Sizes.fromSystemProperties();
        int events = sizes.integer("broker.events", 12_000, 200_000, 100, 10_000_000);
        Duration down = sizes.seconds("broker.down-seconds", 5, 30, 0, 3600);
        long seed = sizes.seed(20261125L);
        try (Scenario scenario = Scenario.start("broker-restart", "Kafka broker stopped mid-stream, then started",
                getClass(), sizes);
             KafkaBroker broker = KafkaBroker.start(Optional.empty(), 0);
             IsolatedSchema schema = TestDatabase.isolatedSchema();
             ReadModelDb db = new ReadModelDb(schema.jdbcUrl(), schema.user(), schema.password(), schema.name());
             Topics topics = new Topics(broker.bootstrapServers());
             Feed feed = new Feed(broker.bootstrapServers(), "broker-restart")) {
            // given: an indexer part-way through a stream
            topics.create(feed.topic(), PARTITIONS);
            GeneratedChains chains = new GeneratedChains(feed, PARTITIONS, seed, 300);
            chains.publish(events / 2);
            ChildConfig config = new ChildConfig(broker.bootstrapServers(), feed.topic(), "broker-restart",
                    schema.jdbcUrl(), schema.user(), schema.password(), schema.name(), 100);
            try (ChildIndexer child = ChildIndexer.start("indexer", config, Env.logs("broker-restart"))) {
                Wait.until(TIMEOUT, "indexer mid-stream", () -> db.progress(feed.topic()) >= events / 4);
                // when: the broker stops, stays down, and starts again on the same port and data
                long stopped = System.nanoTime();
                broker.stop();
                long stopMillis = (System.nanoTime() - stopped) / 1_000_000;
                long progressAtStop = db.progress(feed.topic());
                int probes = 0;
                long downEnd = System.nanoTime() + down.toNanos();
                while (System.nanoTime() - downEnd < 0) {
                    probes++;
                    if (!child.alive()) {
                        throw new AssertionError("the indexer exited while the broker was down:\n"
                                + child.log().tail(40));
                    }
                    child.metrics();
                    Wait.pause();
                }
                long progressWhileDown = db.progress(feed.topic()) - progressAtStop;
                long restarting = System.nanoTime();
                broker.start();
                scenario.figure(Scenario.FAULTS, 1).figure("brokerDownSeconds", down.toSeconds())
                        .figure("brokerStopMs", stopMillis)
                        .figure("brokerStartMs", (System.nanoTime() - restarting) / 1_000_000)
                        .figure("probesWhileDown", probes)
                        .figure("recordsAppliedWhileDown (prefetched)", progressWhileDown);
                // then: new records arrive and everything is indexed
                long restarted = System.nanoTime();
                chains.publish(events - events / 2);
                Wait.until(TIMEOUT, "indexer caught up", () -> db.caughtUp(feed.topic(), feed.ledger().ends()));
                scenario.figure("caughtUpAfterRestartSeconds", (System.nanoTime() - restarted) / 1e9);
                int letters = feed.ledger().deadLetters().size();
                Wait.until(TIMEOUT, "DLQ published", () -> topics.count(feed.topic() + ".dlq") >= letters);
                Wait.until(TIMEOUT, "all counted", () -> child.metrics().recordsRead() >= feed.ledger().total());
                Outcomes.check(scenario, child.metrics(), feed.ledger().counts(), feed.ledger().total());
                scenario.figure("records", feed.ledger().total())
                        .figure("relay.recoveredFromTopicTail", Outcomes.relayRecovered(child.log().lines()))
                        .check("the indexer stops cleanly on SIGTERM", child.terminate() == 143, child.log().tail(20));
                Verdicts.readModelAndDeadLetters(scenario, feed, db, topics, child.log().lines(), 0);
            }
            scenario.verify();
        }
    }
}
