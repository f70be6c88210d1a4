package io.storagehub.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgBenchOutputTest {

    @Test
    void parse_takesTpsFromTheSummary_andPercentilesFromEveryThreadsLog(@TempDir Path dir) throws Exception {
        // given: 100 transactions of 1..100 ms over two thread logs, and an unrelated file
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            (i % 2 == 0 ? first : second).append(i % 64).append(' ').append(i).append(' ').append(i * 1000)
                    .append(" 0 1700000000 ").append(i).append('\n');
        }
        Files.writeString(dir.resolve("pgbench-lookup-log.123"), first);
        Files.writeString(dir.resolve("pgbench-lookup-log.123.1"), second);
        Files.writeString(dir.resolve("pgbench-listing-log.9"), "0 1 999999999 0 1 1\n");
        String summary = """
                number of transactions actually processed: 100
                number of failed transactions: 2 (2.000%)
                latency average = 8.1 ms
                tps = 7812.345678 (without initial connection time)
                """;

        // when
        Load load = PgBenchOutput.parse(summary, dir, "pgbench-lookup-log");

        // then
        assertThat(load.perSecond()).isEqualTo(7812.345678);
        assertThat(load.p50Millis()).isEqualTo(50.0);
        assertThat(load.p99Millis()).isEqualTo(99.0);
        assertThat(load.requests()).isEqualTo(100);
        assertThat(load.errors()).isEqualTo(2);
    }
}
