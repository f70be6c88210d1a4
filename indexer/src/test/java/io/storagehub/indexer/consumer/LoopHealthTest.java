package io.storagehub.indexer.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopHealthTest {
    private static final long STALL = LoopHealth.STALLED_AFTER.toNanos();
    private final LoopHealth health = new LoopHealth();

    @Test
    void healthy_whenMemberThatPolledRecently_evenWithoutPartitions() {
        // given
        health.joined();
        // when
        health.polled(1_000);
        // then
        assertThat(health.healthy(1_000 + STALL - 1)).isTrue();
    }

    @Test
    void notHealthy_beforeJoiningTheGroup() {
        // given / when
        health.polled(1_000);
        // then
        assertThat(health.healthy(1_000)).isFalse();
    }

    @Test
    void notHealthy_beforeTheFirstPoll() {
        // given / when
        health.joined();
        // then
        assertThat(health.healthy(0)).isFalse();
    }

    @Test
    void notHealthy_whenPollingStalled() {
        // given
        health.joined();
        health.polled(1_000);
        // when / then
        assertThat(health.healthy(1_000 + STALL)).isFalse();
    }

    @Test
    void notHealthy_afterPartitionsLost_untilRejoined() {
        // given
        health.joined();
        health.polled(1_000);
        // when
        health.lost();
        // then
        assertThat(health.healthy(1_001)).isFalse();
        health.joined();
        assertThat(health.healthy(1_002)).isTrue();
    }

    @Test
    void notHealthy_onceStopped() {
        // given
        health.joined();
        health.polled(1_000);
        // when
        health.stopped();
        // then
        assertThat(health.healthy(1_001)).isFalse();
    }
}
