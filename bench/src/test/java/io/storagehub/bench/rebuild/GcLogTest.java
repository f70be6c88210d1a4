package io.storagehub.bench.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void parse_takesPeaksOverPauses_liveSetFromRequestedFullCollections_andIgnoresLinesWithoutHeapFigures() {
        // given
        List<String> lines = List.of(
                "[0.010s][info][gc] Using G1",
                "[1.200s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 3.456ms",
                "[2.500s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 300M->120M(512M) 5.1ms",
                "[2.600s][info][gc] GC(2) Concurrent Mark Cycle 12.345ms",
                "[3.000s][info][gc] GC(3) Pause Remark 130M->128M(512M) 1.2ms",
                "[3.500s][info][gc] GC(5) Pause Full (Diagnostic Command) 200M->80M(512M) 40.1ms",
                "[3.800s][info][gc] GC(6) Pause Full (G1 Compaction Pause) 150M->70M(512M) 38.0ms",
                "[4.000s][info][gc] GC(4) Pause Young (Normal) (G1 Evacuation Pause) 1G->90M(512M) 2.0ms");

        // when
        GcLog log = GcLog.parse(lines);

        // then
        assertThat(log.collections()).isEqualTo(6);
        assertThat(log.fullCollections()).isEqualTo(2);
        assertThat(log.peakLiveMiB()).isEqualTo(80.0);
        assertThat(log.medianLiveMiB()).isEqualTo(70.0);
        assertThat(log.peakBeforeBytes()).isEqualTo(1L << 30);
        assertThat(log.peakAfterMiB()).isEqualTo(128.0);
        assertThat(log.peakCommittedMiB()).isEqualTo(512.0);
    }

    @Test
    void medianLive_isTheMiddleFullCollection_soOneOutlierDoesNotMoveIt() {
        // given: five full collections, one of them with a large batch in flight
        List<String> lines = List.of(
                "[1s][info][gc] GC(1) Pause Full (Diagnostic Command) 300M->100M(512M) 40ms",
                "[2s][info][gc] GC(2) Pause Full (Diagnostic Command) 300M->110M(512M) 40ms",
                "[3s][info][gc] GC(3) Pause Full (Diagnostic Command) 300M->150M(512M) 40ms",
                "[4s][info][gc] GC(4) Pause Full (Diagnostic Command) 300M->90M(512M) 40ms",
                "[5s][info][gc] GC(5) Pause Full (Diagnostic Command) 300M->105M(512M) 40ms");
        // when
        GcLog log = GcLog.parse(lines);
        // then
        assertThat(log.peakLiveMiB()).isEqualTo(150.0);
        assertThat(log.medianLiveMiB()).isEqualTo(105.0);
    }

    @Test
    void parse_readsTheThroughputCollectorsLog_itsOwnFullCollectionsCountingAsLiveSets() {
        // given: the lines -XX:+UseParallelGC writes
        List<String> lines = List.of(
                "[0.008s][info][gc] Using Parallel",
                "[0.900s][info][gc] GC(0) Pause Young (Allocation Failure) 128M->20M(491M) 9.871ms",
                "[1.700s][info][gc] GC(1) Pause Full (Ergonomics) 400M->160M(480M) 131.002ms",
                "[2.100s][info][gc] GC(2) Pause Young (Diagnostic Command) 250M->190M(480M) 12.5ms",
                "[2.200s][info][gc] GC(3) Pause Full (Diagnostic Command) 190M->150M(478M) 120.0ms");
        // when
        GcLog log = GcLog.parse(lines);
        // then
        assertThat(log.collections()).isEqualTo(4);
        assertThat(log.fullCollections()).isEqualTo(2);
        assertThat(log.medianLiveMiB()).isEqualTo(150.0);
        assertThat(log.peakLiveMiB()).isEqualTo(160.0);
        assertThat(log.peakCommittedMiB()).isEqualTo(491.0);
    }

    @Test
    void parse_ofNoCollections_isZero() {
        assertThat(GcLog.parse(List.of("[0.010s][info][gc] Using G1"))).isEqualTo(new GcLog(0, 0, 0, 0, 0, 0, 0));
    }
}
