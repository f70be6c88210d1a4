package io.storagehub.indexer.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.storagehub.indexer.config.RetryConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilienceTest {
    private final RetryConfig config = new RetryConfig(3, Duration.ofMillis(1), Duration.ofMillis(4), 4,
            Duration.ofSeconds(60));

    @Test
    void retriableFailure_isRetriedUntilItSucceeds() {
        // given
        Resilience resilience = new Resilience("db", config);
        AtomicInteger calls = new AtomicInteger();
        // when
        String result = resilience.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new RetriableFailure("down", null);
            }
            return "ok";
        });
        // then
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void fatalFailure_isNotRetried() {
        Resilience resilience = new Resilience("db", config);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> resilience.call(() -> {
            calls.incrementAndGet();
            throw new FatalFailure("schema");
        })).isInstanceOf(FatalFailure.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void breakerOpensAfterConsecutiveFailures_andThenFailsFastAsRetriable() {
        // given
        Resilience resilience = new Resilience("db", config);
        AtomicInteger calls = new AtomicInteger();
        // when: 3 attempts, then 3 more: the breaker opens after the 4th failed call
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> resilience.call(() -> {
                calls.incrementAndGet();
                throw new RetriableFailure("down", null);
            })).isInstanceOf(RetriableFailure.class);
        }
        // then
        assertThat(resilience.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(calls.get()).isEqualTo(4);
        assertThatThrownBy(() -> resilience.call(() -> "never"))
                .isInstanceOf(RetriableFailure.class).hasMessageContaining("circuit breaker 'db' is open");
    }
}
