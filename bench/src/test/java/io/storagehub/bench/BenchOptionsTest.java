package io.storagehub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static BenchOptions options(long events, long rebuildEvents, List<String> phases) {
        return new BenchOptions(events, rebuildEvents, 1_000, 42, "bench", 1_000, 8, 5, 5_000, 10, 5_000,
                Set.copyOf(phases), Path.of("out.md"), Path.of("work"), false);
    }

    @Test
    void phases_readBackfillAsSync() {
        BenchOptions options = options(100_000, 0, List.of("backfill", "rebuild"));

        assertThat(options.phases()).containsExactlyInAnyOrder("sync", "rebuild");
        assertThat(options.runs("sync")).isTrue();
    }

    @Test
    void phases_rejectAnUnknownName_namingTheOption() {
        assertThatThrownBy(() -> options(100_000, 0, List.of("sync", "bulk")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--phases");
    }

    @Test
    void rebuildEvents_mustExceedTheTopicTheSyncPhaseLeaves_twiceTheEvents() {
        assertThat(options(100_000, 200_001, List.of("sync")).rebuildEvents()).isEqualTo(200_001);
        assertThatThrownBy(() -> options(100_000, 200_000, List.of("sync")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--rebuild-events must be 0 or > 2 x --events");
    }
}
