package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void metricNames_skipFunctionsLabelsRangesAndGroupings() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, route) (rate(http_server_requests_seconds_bucket[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQl.metricNames(
                "sum(rate(a_sum{outcome=\"x\", q=~'4..'}[1m])) / sum(rate(a_count[1m])) > bool 0.5"))
                .containsExactly("a_count", "a_sum");
        assertThat(PromQl.metricNames("max by (chain) (last_block) or vector(1e3)"))
                .containsExactly("last_block");
    }
}
