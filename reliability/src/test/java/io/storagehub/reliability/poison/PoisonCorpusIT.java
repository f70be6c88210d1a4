package io.storagehub.reliability.poison;

import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.child.Metrics;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.Ledger;
import io.storagehub.reliability.support.Env;
import io.storagehub.reliability.support.Outcomes;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.reliability.support.Topics;
import io.storagehub.reliability.verify.DlqAudit;
import io.storagehub.reliability.verify.SnapshotDiff;
import io.storagehub.reliability.verify.TableAudit;
import io.storagehub.indexer.deadletter.DlqHeaders;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.kafka.EventFeed;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4: the poison corpus (every kind of invalid record of the contract) mixed into a valid chain, through
 * the real indexer process: each poison record lands in the dead-letter topic once with the right reason, the
 * valid events around it apply (the read model equals the reference), and the outcome counters add up.
 */
class PoisonCorpusIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void everyPoisonRecord_isDeadLetteredOnceWithItsReason_andTheChainAroundItApplies() {
        Sizes sizes = Sizes.fromSystemProperties();
        int validBetween = sizes.integer("poison.valid-between", 2, 20, 0, 1000);
        try (Scenario scenario = Scenario.start("poison", "Poison corpus mixed into a valid chain", getClass(), sizes);
             IsolatedSchema schema = TestDatabase.isolatedSchema();
             ReadModelDb db = new ReadModelDb(schema.jdbcUrl(), schema.user(), schema.password(), schema.name());
             Topics topics = new Topics(TestKafka.bootstrapServers())) {
            // given: every corpus record, each followed by valid events of another chain on the same partition
            String topic = TestKafka.uniqueTopic("poison");
            TestKafka.createTopic(topic, 1);
            List<CorpusRecord> corpus = PoisonCorpus.load();
            ChainGenerator beta = new ChainGenerator(ChainGenerator.Config.defaults("beta", 4).withPoisonRate(0));
            Ledger ledger;
            List<String> chains;
            try (Feed feed = new Feed(TestKafka.bootstrapServers(), topic)) {
                List<EventFeed.Raw> records = new ArrayList<>();
                for (CorpusRecord record : corpus) {
                    records.add(new EventFeed.Raw(record.key(), record.value()));
                    for (int i = 0; i < validBetween; i++) {
                        records.add(feed.raw(beta.next()));
                    }
                }
                feed.send(0, records);
                ledger = feed.ledger();
                chains = feed.chains();
                // when: the indexer process reads it all
                ChildConfig config = new ChildConfig(TestKafka.bootstrapServers(), topic, "poison-" + topic,
                        schema.jdbcUrl(), schema.user(), schema.password(), schema.name(), 500);
                try (ChildIndexer child = ChildIndexer.start("poison-indexer", config, Env.logs("poison"))) {
                    Wait.until(TIMEOUT, "indexer caught up", () -> db.caughtUp(topic, ledger.ends()));
                    int expectedLetters = ledger.deadLetters().size();
                    Wait.until(TIMEOUT, "dead letters published",
                            () -> topics.count(topic + ".dlq") >= expectedLetters);
                    Wait.until(TIMEOUT, "all counted", () -> child.metrics().recordsRead() >= ledger.total());
                    Metrics metrics = child.metrics();
                    // then
                    List<ConsumerRecord<byte[], byte[]>> letters = topics.readAll(topic + ".dlq");
                    DlqAudit dlq = DlqAudit.of(ledger.deadLetters(), topic, letters);
                    TableAudit tables = TableAudit.of(db.jdbi(), topic, ledger);
                    scenario.figure("corpusRecords", corpus.size())
                            .figure("poisonRecords", corpus.stream().filter(CorpusRecord::poison).count())
                            .figure("validRecordsAround", ledger.total() - corpus.size())
                            .figure("deadLettersByReason", byReason(letters))
                            .figure(Scenario.FAULTS, expectedLetters)
                            .figure("dlq.missing", dlq.missing()).figure("dlq.duplicated", dlq.duplicated())
                            .figure("dlq.unexpected", dlq.unexpected()).figure("dlq.wrongReason", dlq.wrongReason())
                            .figure("dlq.wrongBytes", dlq.wrongBytes())
                            .check("the DLQ holds each poison record once, with its reason and bytes", dlq.exact(), dlq)
                            .check("the indexer's tables account for every record", tables.exact(), tables);
                    int missingRows = 0;
                    int extraRows = 0;
                    for (String chain : chains) {
                        SnapshotDiff diff = SnapshotDiff.of(feed.reference(chain), db.snapshot(chain));
                        missingRows += diff.missingRows();
                        extraRows += diff.extraRows();
                        scenario.check("read model of " + chain + " equals the reference", diff.identical(), diff);
                    }
                    scenario.figure(Scenario.LOST, missingRows + dlq.missing())
                            .figure(Scenario.DOUBLED, extraRows + dlq.duplicated());
                    Outcomes.check(scenario, metrics, ledger.counts(), ledger.total());
                    scenario.check("the indexer stops cleanly on SIGTERM", child.terminate() == 143,
                            child.log().tail(20));
                }
            }
            scenario.verify();
        }
    }

    private static Map<String, Integer> byReason(List<ConsumerRecord<byte[], byte[]>> letters) {
        Map<String, Integer> counts = new TreeMap<>();
        letters.forEach(r -> counts.merge(DlqHeaders.text(r.headers(), DlqHeaders.REASON_KIND).orElse("?"), 1,
                Integer::sum));
        return counts;
    }
}
