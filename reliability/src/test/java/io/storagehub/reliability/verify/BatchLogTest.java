package io.storagehub.reliability.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.reliability.stream.Expect;
import io.storagehub.reliability.stream.Ledger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchLogTest {
    /** Partition 0: offsets 0..9, all applied but offset 4 (not projected). */
    private static Ledger ledger() {
        Ledger ledger = new Ledger();
        for (long offset = 0; offset < 10; offset++) {
            ledger.record(0, offset, offset == 4 ? Expect.NOT_PROJECTED : Expect.APPLIED);
        }
        return ledger;
    }

    private static String batch(long first, long records, long applied) {
        return "12:00:00.000 DEBUG [indexer-consumer] BatchProcessor p=0 o=" + first + " records=" + records
                + " applied=" + applied + " nextOffset=" + (first + records) + " msg=batch committed";
    }

    @Test
    void batchesCoveringEveryOffsetOnce_areExact() {
        // when
        BatchLog log = BatchLog.of(List.of(batch(0, 5, 4), "unrelated line", batch(5, 5, 5)), ledger(), Map.of());
        // then
        assertThat(log).isEqualTo(new BatchLog(2, 0, 0, 0, 0, 9, 9, 0));
    }

    @Test
    void overlappingBatches_countTheOffsetsCommittedTwice() {
        BatchLog log = BatchLog.of(List.of(batch(0, 5, 4), batch(3, 7, 6), batch(3, 2, 0)), ledger(), Map.of());
        assertThat(log.offsetsCommittedTwice()).isEqualTo(4);
        assertThat(log.batchesWithWrongAppliedCount()).isEqualTo(1);
        assertThat(log.appliedCounted()).isEqualTo(10).isGreaterThan(log.appliedExpected());
    }

    @Test
    void aGapIsAnUnloggedBatch_countedFromTheLedger_andAMissingTailIsUncovered() {
        BatchLog log = BatchLog.of(List.of(batch(0, 3, 3), batch(6, 2, 2)), ledger(), Map.of(0, 8L));
        assertThat(log.unloggedBatches()).isEqualTo(1);
        assertThat(log.unloggedRecords()).isEqualTo(3);
        assertThat(log.appliedCounted()).isEqualTo(3 + 2 + 2);
        assertThat(log.uncovered()).isEqualTo(2);
    }

    @Test
    void aTailTheStoredCheckpointCovers_isAnUnloggedBatch_notUncovered() {
        // the last batch (offsets 8..9) committed, then a kill before its log line
        BatchLog log = BatchLog.of(List.of(batch(0, 5, 4), batch(5, 3, 3)), ledger(), Map.of(0, 10L));
        assertThat(log.unloggedBatches()).isEqualTo(1);
        assertThat(log.unloggedRecords()).isEqualTo(2);
        assertThat(log.appliedCounted()).isEqualTo(9).isEqualTo(log.appliedExpected());
        assertThat(log.uncovered()).isZero();
    }

    @Test
    void resumeMismatches_findAPartitionThatDidNotResumeWhereItStopped() {
        List<String> lines = List.of(batch(0, 5, 4), "-- outage --", batch(6, 4, 4));
        assertThat(BatchLog.resumeMismatches(lines, 1)).isEqualTo(1);
        assertThat(BatchLog.resumeMismatches(List.of(batch(0, 5, 4), "--", batch(5, 5, 5)), 1)).isZero();
        assertThat(BatchLog.lastCommitted(lines)).containsEntry(0, 10L);
    }
}
