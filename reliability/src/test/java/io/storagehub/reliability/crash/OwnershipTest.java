package io.storagehub.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipTest {

    @Test
    void owned_followsAssignmentsRevocationsAndLosses_inLogOrder() {
        // given
        List<String> lines = List.of(
                "level=INFO msg=partitions assigned: [t-1-0, t-1-1, t-1-2]",
                "level=INFO msg=batch committed partition=0",
                "level=INFO msg=partitions revoked: [t-1-0, t-1-1, t-1-2]",
                "level=INFO msg=partitions assigned: [t-1-1, t-1-2]",
                "level=WARN msg=partitions lost: [t-1-2]",
                "level=INFO msg=partitions assigned: [t-1-0]");
        // when / then
        assertThat(Ownership.of(lines, "t-1")).containsExactly(0, 1);
        assertThat(Ownership.of(lines.subList(0, 3), "t-1")).isEmpty();
        assertThat(Ownership.of(lines.subList(0, 1), "other")).isEmpty();
    }

    @Test
    void joinSeconds_isFromTheStartLineToTheFirstAssignment() {
        // given
        List<String> lines = List.of(
                "23:59:59.500 INFO  [main] LiveIndexer p= o= topic=t msg=indexer started",
                "00:00:00.100 INFO  [indexer-consumer] IndexerConsumer p= o=  msg=partitions assigned: []",
                "00:00:01.250 INFO  [indexer-consumer] IndexerConsumer p= o=  msg=partitions assigned: [t-0]");
        // when / then
        assertThat(Ownership.joinSeconds(lines)).hasValue(1.75);
        assertThat(Ownership.joinSeconds(lines.subList(0, 2))).isEmpty();
    }
}
