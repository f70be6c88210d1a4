package io.storagehub.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.bench.backfill.CopyLoad;
import io.storagehub.bench.backfill.FirstSyncResult;
import io.storagehub.bench.backfill.IndexerRunResult;
import io.storagehub.bench.backfill.PerEventBaseline;
import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.profile.JfrSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    @Test
    void firstSync_statesTheWriteAmplificationAndWhoseTimeDominates_fromTheMeasurements() {
        // given: 1,000 final rows written 4,000 times; the indexer's side waits most
        Map<String, Double> states = new LinkedHashMap<>();
        states.put("executing: on CPU", 0.30);
        states.put("executing: waiting on IO/WALSync", 0.05);
        states.put("transaction open, waiting for the indexer's next statement", 0.40);
        states.put("no transaction open (indexer polling Kafka / decoding)", 0.25);
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put(IndexerRunResult.INDEXER, 8.0);
        cpu.put(IndexerRunResult.POSTGRES, 6.0);
        IndexerRunResult run = new IndexerRunResult(10_000, 10, cpu, 9_000, 9, cpu, states,
                List.of(new PgStatements.Statement(10, 100, 2_500, "INSERT INTO file ..."),
                        new PgStatements.Statement(1, 50, 500, "COPY file_bsp FROM STDIN ..."),
                        new PgStatements.Statement(10, 50, 1_000, "INSERT INTO bucket ..."),
                        new PgStatements.Statement(10, 50, 9_000, "SELECT * FROM file ...")),
                new JfrSummary(100, Map.of(), Map.of("java.util", 60L, "com.fasterxml", 40L), Map.of(), Map.of()));
        FirstSyncResult result = new FirstSyncResult(run, new CopyLoad.Result(1_000, 100_000, Duration.ofMillis(500)),
                new PerEventBaseline.Result(1_000, Duration.ofSeconds(4)), "ok");

        // when
        String text = Analysis.firstSync(result);

        // then
        assertThat(text).contains("4,000 row versions, 4.00x the final rows")
                .contains("1.40 of the machine's cores")
                .contains("35.0 % executing").contains("5.0 % waiting on WAL").contains("65.0 % waiting for the indexer")
                .contains("the indexer's own work").contains("`java.util` 60.0 %")
                .contains("4.00 ms per event");
    }
}
