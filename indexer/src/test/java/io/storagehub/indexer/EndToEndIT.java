package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.projection.Outcome;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two generated chains on two partitions, through real Kafka into a real Postgres schema. */
class EndToEndIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final List<Envelope> alpha = Chains.generate(Chains.ALPHA, 11, 1500);
    private final List<Envelope> beta = Chains.generate(Chains.BETA, 12, 1500);
    private final Reference reference = new Reference().apply(alpha).apply(beta);
    private IsolatedSchema schema;
    private Testbed testbed;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.isolatedSchema();
        testbed = new Testbed(2, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(), schema.name()), 200);
    }

    @AfterEach
    void tearDown() throws Exception {
        testbed.close();
        schema.close();
    }

    @Test
    void indexesBothChains_toTheInMemoryReferenceState_withOutcomeCountersAddingUpToRecordsRead() {
        // given
        testbed.publish(0, alpha);
        testbed.publish(1, beta);
        // when
        LiveIndexer indexer = testbed.startIndexer();
        Wait.until(TIMEOUT, "indexer caught up", testbed::caughtUp);
        // then
        assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(reference.snapshot(Chains.ALPHA));
        assertThat(testbed.snapshot(Chains.BETA)).isEqualTo(reference.snapshot(Chains.BETA));
        IndexerMetrics metrics = indexer.metrics();
        Wait.until(TIMEOUT, "counters complete", () -> metrics.recordsRead() == testbed.producedTotal());
        assertOutcomes(metrics, reference);
        assertThat(sumOfOutcomes(metrics)).isEqualTo(metrics.recordsRead()).isEqualTo(3000);
    }

    @Test
    void opsEndpoint_servesMetricsHealthAndReadiness() {
        // given
        testbed.publish(0, alpha.subList(0, 100));
        LiveIndexer indexer = testbed.startIndexer();
        Wait.until(TIMEOUT, "indexer caught up", testbed::caughtUp);
        // when
        Wait.until(TIMEOUT, "ready", () -> Http.get(indexer.httpPort(), "/ready").statusCode() == 200);
        HttpResponse<String> metrics = Http.get(indexer.httpPort(), "/metrics");
        HttpResponse<String> health = Http.get(indexer.httpPort(), "/health");
        HttpResponse<String> ready = Http.get(indexer.httpPort(), "/ready");
        // then
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\":true", "\"migrations\":true", "\"consumer\":true");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("storagehub_indexer_records_total{outcome=\"applied\"}",
                "storagehub_indexer_batch_duration_seconds_count", "storagehub_indexer_consumer_lag",
                "storagehub_indexer_last_block{chain=\"alpha\"} " + (double) alpha.get(99).block().number(),
                "storagehub_indexer_circuit_breaker_state{name=\"postgres\"} 0.0");
    }

    @Test
    void restartFromStoredOffsets_appliesNothingTwice() {
        // given: the first indexer stops part way through
        testbed.publish(0, alpha);
        testbed.publish(1, beta);
        LiveIndexer first = testbed.startIndexer();
        Wait.until(TIMEOUT, "first indexer progressed", () -> first.metrics().records(IndexerMetrics.APPLIED) >= 600);
        first.close();
        double firstApplied = first.metrics().records(IndexerMetrics.APPLIED);
        assertThat(first.metrics().recordsRead()).isLessThan(3000);
        // when
        LiveIndexer second = testbed.startIndexer();
        Wait.until(TIMEOUT, "second indexer caught up", testbed::caughtUp);
        // then
        assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(reference.snapshot(Chains.ALPHA));
        assertThat(testbed.snapshot(Chains.BETA)).isEqualTo(reference.snapshot(Chains.BETA));
        Wait.until(TIMEOUT, "every record counted once",
                () -> first.metrics().recordsRead() + second.metrics().recordsRead() == 3000);
        assertThat(firstApplied + second.metrics().records(IndexerMetrics.APPLIED))
                .isEqualTo(reference.count(Outcome.Kind.APPLIED));
        assertThat(first.metrics().records(IndexerMetrics.SKIPPED_DUPLICATE)
                + second.metrics().records(IndexerMetrics.SKIPPED_DUPLICATE))
                .isEqualTo(reference.count(Outcome.Kind.SKIPPED_DUPLICATE));
    }

    static double sumOfOutcomes(IndexerMetrics metrics) {
        return metrics.records(IndexerMetrics.APPLIED) + metrics.records(IndexerMetrics.SKIPPED_NOT_PROJECTED)
                + metrics.records(IndexerMetrics.SKIPPED_DUPLICATE) + metrics.records(IndexerMetrics.DEAD_LETTERED);
    }

    static void assertOutcomes(IndexerMetrics metrics, Reference reference) {
        assertThat(metrics.records(IndexerMetrics.APPLIED)).isEqualTo(reference.count(Outcome.Kind.APPLIED));
        assertThat(metrics.records(IndexerMetrics.SKIPPED_NOT_PROJECTED))
                .isEqualTo(reference.count(Outcome.Kind.SKIPPED_NOT_PROJECTED));
        assertThat(metrics.records(IndexerMetrics.SKIPPED_DUPLICATE))
                .isEqualTo(reference.count(Outcome.Kind.SKIPPED_DUPLICATE));
        assertThat(metrics.records(IndexerMetrics.DEAD_LETTERED)).isEqualTo(reference.count(Outcome.Kind.REJECTED));
    }
}
