package io.storagehub.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorHintTest {

    @Test
    void onTheThroughputCollector_thereIsNothingToSay() {
        assertThat(CollectorHint.forRebuild(List.of("PS Scavenge", "PS MarkSweep"))).isEmpty();
    }

    @Test
    void onAnotherCollector_theNoteNamesItAndTheOption() {
        assertThat(CollectorHint.forRebuild(List.of("G1 Young Generation", "G1 Old Generation")))
                .hasValueSatisfying(note -> assertThat(note)
                        .contains("G1 Young Generation and G1 Old Generation", "-XX:+UseParallelGC"));
    }

    @Test
    void theRunningJvmsCollectors_areNamed() {
        assertThat(CollectorHint.running()).isNotEmpty().doesNotContainNull();
    }
}
