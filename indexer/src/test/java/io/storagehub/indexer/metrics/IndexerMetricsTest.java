package io.storagehub.indexer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.retry.Resilience;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IndexerMetricsTest {

    @Test
    void prometheusScrape_exposesTheDocumentedNames() {
        // given
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IndexerMetrics metrics = new IndexerMetrics(registry);
        metrics.bind("postgres", new Resilience("postgres", RetryConfig.defaults()));
        // when
        metrics.batch(new OutcomeCounts(5, 2, 1, 3), Duration.ofMillis(12));
        metrics.lag("events", 0, 42);
        metrics.lastBlock("alpha", 7);
        metrics.lastBlock("alpha", 5);
        metrics.deadLettersPublished(3);
        // then
        String scrape = registry.scrape();
        assertThat(scrape).contains(
                "storagehub_indexer_records_total{outcome=\"applied\"} 5.0",
                "storagehub_indexer_records_total{outcome=\"skipped_not_projected\"} 2.0",
                "storagehub_indexer_records_total{outcome=\"skipped_duplicate\"} 1.0",
                "storagehub_indexer_records_total{outcome=\"dead_lettered\"} 3.0",
                "storagehub_indexer_records_read_total 11.0",
                "storagehub_indexer_batch_size_count 1",
                "storagehub_indexer_batch_duration_seconds_count 1",
                "storagehub_indexer_consumer_lag{partition=\"0\",topic=\"events\"} 42.0",
                "storagehub_indexer_last_block{chain=\"alpha\"} 7.0",
                "storagehub_indexer_dlq_published_total 3.0",
                "storagehub_indexer_retries_total{component=\"postgres\"} 0.0",
                "storagehub_indexer_circuit_breaker_state{name=\"postgres\"} 0.0");
        assertThat(metrics.recordsRead()).isEqualTo(11);
    }

    @Test
    void lagSeconds_measuresFromTheNewestBlockTimeToNow() {
        // given
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IndexerMetrics metrics = new IndexerMetrics(registry, Clock.fixed(now, ZoneOffset.UTC));
        // when
        metrics.blockTime("alpha", now.minusSeconds(90));
        metrics.blockTime("alpha", now.minusMillis(12_500));
        metrics.blockTime("alpha", now.minusSeconds(300));
        metrics.blockTime("beta", now.minusSeconds(3600));
        // then
        assertThat(registry.scrape()).contains(
                "storagehub_indexer_lag_seconds{chain=\"alpha\"} 12.5",
                "storagehub_indexer_lag_seconds{chain=\"beta\"} 3600.0");
    }
}
