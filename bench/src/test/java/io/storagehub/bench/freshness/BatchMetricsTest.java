package io.storagehub.bench.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchMetricsTest {

    @Test
    void parse_andDifference_giveMeanBatchSizeAndDuration() {
        // given
        BatchMetrics before = BatchMetrics.parse("""
                storagehub_indexer_batch_duration_seconds_count 10.0
                storagehub_indexer_batch_duration_seconds_sum 1.0
                storagehub_indexer_batch_size_sum 100.0
                storagehub_indexer_batch_apply_seconds_sum 0.25
                storagehub_indexer_batch_write_seconds_sum 0.5
                """);
        BatchMetrics after = BatchMetrics.parse("""
                # HELP storagehub_indexer_batch_size records per batch
                storagehub_indexer_batch_duration_seconds_count 30.0
                storagehub_indexer_batch_duration_seconds_sum 2.0
                storagehub_indexer_batch_size_count 30.0
                storagehub_indexer_batch_size_sum 500.0
                storagehub_indexer_batch_apply_seconds_count 30.0
                storagehub_indexer_batch_apply_seconds_sum 0.75
                storagehub_indexer_batch_write_seconds_count 30.0
                storagehub_indexer_batch_write_seconds_sum 1.5
                """);

        // when
        BatchMetrics between = after.minus(before);

        // then
        assertThat(between.batches()).isEqualTo(20.0);
        assertThat(between.meanBatchSize()).isEqualTo(20.0);
        assertThat(between.meanBatchMillis()).isEqualTo(50.0);
        assertThat(between.applySeconds()).isEqualTo(0.5);
        assertThat(between.writeSeconds()).isEqualTo(1.0);
    }
}
