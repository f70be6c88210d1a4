package io.storagehub.bench.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedTest {

    @Test
    void heldSeconds_isReadFromTheIndexersLogLine_inTheBenchsAndTheIndexersOwnFormat() {
        String bench = "03:56:23.101 INFO  [main] i.s.indexer.rebuild.Verification seconds=\"41.3\" - verify: live "
                + "checkpoints held for the tail replay and the comparison";
        String indexer = "2026-12-06T03:56:23.101Z level=INFO thread=main logger=i.s.i.rebuild.Verification "
                + "seconds=\"7.0\" msg=\"verify: live checkpoints held for the tail replay and the comparison\"";

        assertThat(Verified.heldSeconds(List.of("03:56:22.000 INFO verify: ... identical", bench))).isEqualTo(41.3);
        assertThat(Verified.heldSeconds(List.of(indexer))).isEqualTo(7.0);
    }

    @Test
    void heldSeconds_isNaN_whenTheLogDoesNotSay() {
        assertThat(Verified.heldSeconds(List.of("rebuild finished and switched in"))).isNaN();
    }
}
