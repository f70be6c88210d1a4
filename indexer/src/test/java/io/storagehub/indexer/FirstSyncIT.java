package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.rebuild.FirstSync;
import io.storagehub.indexer.rebuild.SchemaSwitch;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.projection.Outcome;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An indexer started on an empty read model over a topic that already holds many records builds it in bulk mode
 * (state store, COPY, switch), then continues live from the stored offsets: nothing lost or doubled, the dead
 * letters published once. A first sync interrupted earlier left its shadow schema: it is dropped and begun again.
 */
class FirstSyncIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void emptyReadModel_isBuiltInBulk_thenTheIndexerContinuesLive() throws Exception {
        List<Envelope> alpha = Chains.generate(Chains.ALPHA, 51, 1200);
        List<Envelope> beta = Chains.generate(Chains.BETA, 52, 1200);
        Reference before = new Reference().apply(alpha.subList(0, 800)).apply(beta.subList(0, 800));
        Reference after = new Reference().apply(alpha).apply(beta);
        try (IsolatedSchema schema = TestDatabase.isolatedSchema();
             Testbed testbed = new Testbed(2, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(),
                     schema.name()), 200)) {
            // given: a topic with history (one undecodable record among it) and an interrupted first sync's leftovers
            testbed.publish(0, alpha.subList(0, 800));
            testbed.publishRaw(0, "alpha".getBytes(StandardCharsets.UTF_8), "{oops".getBytes(StandardCharsets.UTF_8));
            testbed.publish(1, beta.subList(0, 800));
            String shadow = FirstSync.shadowSchema(schema.name());
            testbed.jdbi().useHandle(h -> h.execute("CREATE SCHEMA " + shadow + "; CREATE TABLE " + shadow
                    + ".leftover (x int)"));

            // when: the indexer starts on the empty read model
            LiveIndexer indexer = testbed.startIndexerWithFirstSync(1000);
            Wait.until(TIMEOUT, "first sync done and caught up", () -> !indexer.syncing() && testbed.caughtUp());

            // then: it was built in bulk, equal to the reference, the leftovers gone
            assertThat(indexer.firstSynced()).isTrue();
            // its progress showed in the indexer's metrics, ending complete
            assertThat(indexer.metrics().registry().get("storagehub.indexer.replay.progress.ratio").gauge().value())
                    .isEqualTo(1.0);
            assertThat(indexer.metrics().registry().get("storagehub.indexer.replay.remaining.records").gauge()
                    .value()).isZero();
            assertThat(SchemaSwitch.exists(testbed.jdbi(), shadow)).isFalse();
            assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(before.snapshot(Chains.ALPHA));
            assertThat(testbed.snapshot(Chains.BETA)).isEqualTo(before.snapshot(Chains.BETA));

            // and the indexer continues live from the stored offsets
            testbed.publish(0, alpha.subList(800, 1200));
            testbed.publish(1, beta.subList(800, 1200));
            Wait.until(TIMEOUT, "live indexer caught up after the first sync", testbed::caughtUp);
            assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(after.snapshot(Chains.ALPHA));
            assertThat(testbed.snapshot(Chains.BETA)).isEqualTo(after.snapshot(Chains.BETA));
            int deadLetters = after.count(Outcome.Kind.REJECTED) + 1;
            testbed.assertEveryDeadLetterOnce(deadLetters, TIMEOUT);

            // and a restart on the read model, no longer empty, indexes live without a first sync
            indexer.close();
            LiveIndexer restarted = testbed.startIndexerWithFirstSync(1000);
            Wait.until(TIMEOUT, "restarted indexer ready", () -> !restarted.syncing() && restarted.consumer().ready());
            assertThat(restarted.firstSynced()).isFalse();
        }
    }

    @Test
    void fewRecords_areIndexedBatchByBatch() throws Exception {
        List<Envelope> alpha = Chains.generate(Chains.ALPHA, 53, 300);
        try (IsolatedSchema schema = TestDatabase.isolatedSchema();
             Testbed testbed = new Testbed(1, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(),
                     schema.name()), 200)) {
            testbed.publish(0, alpha);
            LiveIndexer indexer = testbed.startIndexerWithFirstSync(1000);
            Wait.until(TIMEOUT, "caught up", () -> !indexer.syncing() && testbed.caughtUp());
            assertThat(indexer.firstSynced()).isFalse();
            assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(new Reference().apply(alpha).snapshot(Chains.ALPHA));
        }
    }
}
