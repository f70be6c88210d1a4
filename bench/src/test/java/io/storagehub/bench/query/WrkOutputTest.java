package io.storagehub.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkOutputTest {
    private static final String OUTPUT = """
            Running 20s test @ http://127.0.0.1:8080
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     8.12ms    3.01ms  61.20ms   80.00%
                Req/Sec     3.95k   410.22     4.80k    70.00%
              Latency Distribution
                 50%  750.00us
                 75%    9.20ms
                 90%   11.00ms
                 99%    1.20s
              157300 requests in 20.00s, 120.02MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 5
            Requests/sec:   7864.50
            Transfer/sec:      6.00MB
            """;

    @Test
    void parse_readsRateLatenciesInMillisAndErrors() {
        // when
        Load load = WrkOutput.parse(OUTPUT);

        // then
        assertThat(load.perSecond()).isEqualTo(7864.50);
        assertThat(load.p50Millis()).isEqualTo(0.75);
        assertThat(load.p99Millis()).isEqualTo(1200.0);
        assertThat(load.requests()).isEqualTo(157300);
        assertThat(load.errors()).isEqualTo(8);
    }

    @Test
    void parse_rejectsOtherOutput() {
        assertThatThrownBy(() -> WrkOutput.parse("wrk: command failed")).isInstanceOf(IllegalArgumentException.class);
    }
}
