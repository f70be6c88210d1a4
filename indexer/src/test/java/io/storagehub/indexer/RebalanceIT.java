package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.projection.Outcome;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two indexers in one group: the second joins while the first consumes, partitions move, nothing is lost. */
class RebalanceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void secondConsumerJoiningMidStream_rebalances_withoutLosingOrDoubleApplyingRecords() throws Exception {
        List<Envelope> alpha = Chains.generate(Chains.ALPHA, 21, 1500);
        List<Envelope> beta = Chains.generate(Chains.BETA, 22, 1500);
        Reference reference = new Reference().apply(alpha).apply(beta);
        try (IsolatedSchema schema = TestDatabase.isolatedSchema();
             Testbed testbed = new Testbed(2, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(),
                     schema.name()), 50)) {
            // given: the first indexer consumes the first part
            testbed.publish(0, alpha.subList(0, 500));
            testbed.publish(1, beta.subList(0, 500));
            LiveIndexer first = testbed.startIndexer();
            Wait.until(TIMEOUT, "first indexer consuming", () -> first.metrics().recordsRead() >= 200);
            // when: the second joins while records keep arriving
            LiveIndexer second = testbed.startIndexer();
            for (int from = 500; from < 1500; from += 250) {
                testbed.publish(0, alpha.subList(from, from + 250));
                testbed.publish(1, beta.subList(from, from + 250));
            }
            Wait.until(TIMEOUT, "second indexer assigned", () -> !second.consumer().assignment().isEmpty());
            Wait.until(TIMEOUT, "both partitions caught up", testbed::caughtUp);
            // then
            assertThat(first.consumer().assignment()).hasSize(1);
            assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(reference.snapshot(Chains.ALPHA));
            assertThat(testbed.snapshot(Chains.BETA)).isEqualTo(reference.snapshot(Chains.BETA));
            Wait.until(TIMEOUT, "every record counted once",
                    () -> first.metrics().recordsRead() + second.metrics().recordsRead() == 3000);
            assertThat(first.metrics().records(IndexerMetrics.APPLIED)
                    + second.metrics().records(IndexerMetrics.APPLIED))
                    .isEqualTo(reference.count(Outcome.Kind.APPLIED));
            assertThat(first.metrics().records(IndexerMetrics.SKIPPED_DUPLICATE)
                    + second.metrics().records(IndexerMetrics.SKIPPED_DUPLICATE))
                    .isEqualTo(reference.count(Outcome.Kind.SKIPPED_DUPLICATE));
        }
    }
}
