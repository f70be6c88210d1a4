package io.storagehub.indexer.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleUpToTheCap_andResetStartsOver() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
        assertThat(backoff.failing()).isFalse();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        }
        assertThat(backoff.failing()).isTrue();
        backoff.reset();
        assertThat(backoff.failing()).isFalse();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }
}
