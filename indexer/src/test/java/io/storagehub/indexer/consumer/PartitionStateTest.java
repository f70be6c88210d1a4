package io.storagehub.indexer.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.retry.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PartitionStateTest {
    private static final long MS = 1_000_000L;

    @Test
    void newPartition_mustSeekFirst_andIsDue_evenWithANegativeClock() {
        PartitionState state = new PartitionState(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
        assertThat(state.needsSeek()).isTrue();
        assertThat(state.due(Long.MIN_VALUE + 5)).isTrue();
        assertThat(state.failing()).isFalse();
    }

    @Test
    void failure_delaysTheNextAttemptByTheBackoff_andSuccessClearsIt() {
        // given
        PartitionState state = new PartitionState(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
        long now = -50 * MS;
        // when
        Duration first = state.failed(now);
        Duration second = state.failed(now);
        // then
        assertThat(first).isEqualTo(Duration.ofMillis(100));
        assertThat(second).isEqualTo(Duration.ofMillis(200));
        assertThat(state.failing()).isTrue();
        assertThat(state.due(now + 199 * MS)).isFalse();
        assertThat(state.due(now + 200 * MS)).isTrue();
        state.succeeded();
        assertThat(state.failing()).isFalse();
        assertThat(state.due(now)).isTrue();
    }
}
