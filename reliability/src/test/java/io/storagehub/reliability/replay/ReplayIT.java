package io.storagehub.reliability.replay;

import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Expect;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.GeneratedChains;
import io.storagehub.reliability.support.Env;
import io.storagehub.reliability.support.Outcomes;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.reliability.support.Topics;
import io.storagehub.reliability.verify.Verdicts;
import io.storagehub.testkit.kafka.EventFeed;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: a whole segment of the topic delivered twice, as a restarting bridge does (records N..M of a
 * partition published again, later in the topic, while the indexer runs), then the chain goes on. The second
 * copies change nothing: the read model equals the reference, the duplicate counter grows by exactly the segment's
 * size, and the dead-letter topic does not grow (the segment's poison is recognised as already handled).
 */
class ReplayIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int PARTITIONS = 2;

    @Test
    void aSegmentDeliveredTwice_hasNoEffect_andCountsAsDuplicates() {
        Sizes sizes = Sizes.fromSystemProperties();
        int events = sizes.integer("replay.events", 8_000, 200_000, 100, 10_000_000);
        int segment = sizes.integer("replay.segment", 2_000, 50_000, 1, 10_000_000);
        long seed = sizes.seed(20261125L);
        try (Scenario scenario = Scenario.start("replay", "A segment of the topic delivered twice", getClass(), sizes);
             IsolatedSchema schema = TestDatabase.isolatedSchema();
             ReadModelDb db = new ReadModelDb(schema.jdbcUrl(), schema.user(), schema.password(), schema.name());
             Topics topics = new Topics(TestKafka.bootstrapServers());
             Feed feed = new Feed(TestKafka.bootstrapServers(), TestKafka.uniqueTopic("replay"))) {
            // given: an indexer that has indexed the first part of the stream
            TestKafka.createTopic(feed.topic(), PARTITIONS);
            GeneratedChains chains = new GeneratedChains(feed, PARTITIONS, seed, 0);
            chains.publish(events);
            ChildConfig config = new ChildConfig(TestKafka.bootstrapServers(), feed.topic(), "replay-" + feed.topic(),
                    schema.jdbcUrl(), schema.user(), schema.password(), schema.name(), 500);
            try (ChildIndexer child = ChildIndexer.start("indexer", config, Env.logs("replay"))) {
                Wait.until(TIMEOUT, "first part indexed", () -> db.caughtUp(feed.topic(), feed.ledger().ends()));
                int lettersBefore = topics.count(feed.topic() + ".dlq");
                // when: a segment of partition 0 comes again, then the chains go on
                long end = feed.ledger().ends().get(0);
                long from = Math.max(0, end / 3);
                long to = Math.min(end, from + segment);
                List<EventFeed.Raw> again = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : topics.read(feed.topic(), 0, from, to)) {
                    again.add(new EventFeed.Raw(r.key(), r.value()));
                }
                long poisonInSegment = feed.ledger().counts(0, from, to).getOrDefault(Expect.DEAD_LETTERED, 0L);
                feed.send(0, again);
                chains.publish(events / 4);
                // then
                Wait.until(TIMEOUT, "everything indexed", () -> db.caughtUp(feed.topic(), feed.ledger().ends()));
                int letters = feed.ledger().deadLetters().size();
                Wait.until(TIMEOUT, "DLQ published", () -> topics.count(feed.topic() + ".dlq") >= letters);
                Wait.until(TIMEOUT, "all counted", () -> child.metrics().recordsRead() >= feed.ledger().total());
                long duplicates = child.metrics().outcome(Expect.DUPLICATE.metricOutcome());
                scenario.figure(Scenario.FAULTS, again.size()).figure("segment", "partition 0, offsets " + from
                                + ".." + (to - 1)).figure("segmentRecords", again.size())
                        .figure("segmentPoisonRecords", poisonInSegment)
                        .figure("dlqBeforeReplay", lettersBefore)
                        .check("the segment is what was asked for", again.size() == to - from, again.size())
                        .check("the duplicate counter equals the segment's size", duplicates == again.size(),
                                duplicates + " duplicates counted, segment of " + again.size())
                        .check("the segment held poison (so the DLQ check means something)", poisonInSegment > 0,
                                poisonInSegment);
                Outcomes.check(scenario, child.metrics(), feed.ledger().counts(), feed.ledger().total());
                scenario.figure("records", feed.ledger().total())
                        .check("the indexer stops cleanly on SIGTERM", child.terminate() == 143, child.log().tail(20));
                Verdicts.readModelAndDeadLetters(scenario, feed, db, topics, child.log().lines(), 0);
            }
            scenario.verify();
        }
    }
}
