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
}
