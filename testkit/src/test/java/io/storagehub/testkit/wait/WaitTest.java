package io.storagehub.testkit.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void until_returns_onceTheConditionHolds() {
        // given
        AtomicInteger checks = new AtomicInteger();
        // when
        Wait.until(Duration.ofSeconds(10), "the third check", () -> checks.incrementAndGet() >= 3);
        // then
        assertThat(checks).hasValue(3);
    }

    @Test
    void until_fails_namingWhatWasAwaitedAndTheTimeout() {
        assertThatThrownBy(() -> Wait.until(Duration.ofMillis(30), "the moon turns blue", () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessage("timed out after PT0.03S waiting until the moon turns blue (last observed: false)");
    }

    @Test
    void untilValue_returnsTheValueThatSatisfied() {
        // given
        AtomicInteger counter = new AtomicInteger();
        // when
        int value = Wait.until(Duration.ofSeconds(10), "counter at 5", counter::incrementAndGet, n -> n >= 5);
        // then
        assertThat(value).isEqualTo(5);
    }

    @Test
    void untilValue_fails_withTheLastObservedValue() {
        assertThatThrownBy(() -> Wait.until(Duration.ofMillis(30), "7 records", () -> 3, n -> n == 7))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting until 7 records (last observed: 3)");
    }

    @Test
    void within_tellsWhetherTheConditionHeldInTime() {
        assertThat(Wait.within(Duration.ofSeconds(10), () -> true)).isTrue();
        assertThat(Wait.within(Duration.ofMillis(20), () -> false)).isFalse();
    }

    @Test
    void until_rejectsANegativeTimeout_namingIt() {
        assertThatThrownBy(() -> Wait.until(Duration.ofSeconds(-1), "x", () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
    }
}
