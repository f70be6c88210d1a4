package io.storagehub.reliability.crash;

import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.GeneratedChains;
import io.storagehub.reliability.stream.Ledger;
import io.storagehub.reliability.support.Env;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.reliability.support.Topics;
import io.storagehub.reliability.verify.Verdicts;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1: the real indexer process over a backfill of generated chains (with the generator's poison and
 * corpus poison mixed in), killed with SIGKILL at seeded moments during a batch transaction, between batches,
 * during the dead-letter relay's Kafka transaction and during a rebalance, restarted each time. The final read
 * model equals the in-memory reference row for row, the dead-letter topic holds each poison record once, and no
 * offset was committed twice.
 */
class CrashIT {
    private static final int PARTITIONS = 3;

    @Test
    void killedAnywhere_theIndexerLosesAndDoublesNothing() {
        Sizes sizes = Sizes.fromSystemProperties();
        int events = sizes.integer("events", 30_000, 1_000_000, 1_000, 100_000_000);
        int kills = sizes.integer("kills", 6, 20, 1, 1_000);
        int maxBatch = sizes.integer("crash.max-batch", 500, 1000, 1, 100_000);
        long seed = sizes.seed(20261125L);
        try (Scenario scenario = Scenario.start("crash", "Crash anywhere: SIGKILL during poll, batch, DLQ produce "
                + "and rebalance", getClass(), sizes);
             IsolatedSchema schema = TestDatabase.isolatedSchema();
             ReadModelDb db = new ReadModelDb(schema.jdbcUrl(), schema.user(), schema.password(), schema.name());
             Topics topics = new Topics(TestKafka.bootstrapServers());
             Feed feed = new Feed(TestKafka.bootstrapServers(), TestKafka.uniqueTopic("crash"))) {
            // given: the whole backfill is in the topic before the first process starts
            TestKafka.createTopic(feed.topic(), PARTITIONS);
            long publishStart = System.nanoTime();
            new GeneratedChains(feed, PARTITIONS, seed, 250).publish(events);
            Ledger ledger = feed.ledger();
            scenario.figure("records", ledger.total()).figure("partitions", PARTITIONS)
                    .figure("publishSeconds", (System.nanoTime() - publishStart) / 1e9);
            ChildConfig config = new ChildConfig(TestKafka.bootstrapServers(), feed.topic(), "crash-" + feed.topic(),
                    schema.jdbcUrl(), schema.user(), schema.password(), schema.name(), maxBatch);
            KillPlan plan = KillPlan.of(seed, kills, ledger.total(), 1);
            Crashes crashes = new Crashes(config, Env.logs("crash"), new PhaseWatch(db, topics, feed.topic(),
                    ledger.total()), db, PARTITIONS, seed);
            long indexStart = System.nanoTime();
            try {
                // when
                crashes.run(plan, ledger.total());
                int exit = crashes.finish(ledger.ends());
                scenario.check("the last process stops cleanly on SIGTERM", exit == 143, crashes.current().log()
                        .tail(20));
            } finally {
                crashes.closeAll();
            }
            scenario.figure("indexingSeconds", (System.nanoTime() - indexStart) / 1e9)
                    .figure(Scenario.FAULTS, crashes.killLog().size())
                    .figure("killsByPhase", crashes.killsByPhase())
                    .figure("processesStarted", crashes.processesStarted())
                    .figure("takeoverSeconds", crashes.takeoverSeconds())
                    .figure("restartSeconds", crashes.restartSeconds())
                    .figure("rejoinSeconds", crashes.rejoinSeconds())
                    .figure("leaveSeconds", crashes.leaveSeconds())
                    .figure("killLog", crashes.killLog())
                    .check("at least the planned number of kills", crashes.killLog().size() >= kills,
                            crashes.killLog().size());
            // then
            Verdicts.readModelAndDeadLetters(scenario, feed, db, topics, crashes.allLogLines(),
                    crashes.killLog().size());
            scenario.verify();
        }
    }
}
