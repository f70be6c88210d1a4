package io.storagehub.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelinessTest {
    private static final long MS = 1_000_000;

    @Test
    void timely_whenEveryDeliveryIsWithinTheBound_theBoundItselfIncluded() {
        // given
        Timeliness t = new Timeliness(250 * MS);

        // when
        t.add(10_000 * MS, 9_900 * MS);
        t.add(10_250 * MS, 10_000 * MS);

        // then
        assertThat(t.timely()).isTrue();
        assertThat(t.timed()).isEqualTo(2);
        assertThat(t.late()).isZero();
        assertThat(t.slowestMillis()).isEqualTo(250.0);
        assertThat(t.summary()).isEqualTo("0 of 2 deliveries over 250 ms, the slowest 250.0 ms");
    }

    @Test
    void notTimely_whenOneDeliveryTookLongerThanTheBound() {
        // given
        Timeliness t = new Timeliness(250 * MS);

        // when
        t.add(10_000 * MS, 9_990 * MS);
        t.add(10_251 * MS, 10_000 * MS);
        t.add(10_300 * MS, 10_200 * MS);

        // then
        assertThat(t.timely()).isFalse();
        assertThat(t.late()).isEqualTo(1);
        assertThat(t.summary()).isEqualTo("1 of 3 deliveries over 250 ms, the slowest 251.0 ms");
    }

    @Test
    void notTimely_withoutAnyDelivery() {
        Timeliness t = new Timeliness(250 * MS);

        assertThat(t.timely()).isFalse();
        assertThat(t.summary()).isEqualTo("no delivery timed");
    }

    @Test
    void deliveriesOfUnknownCommitTime_areNotTimed() {
        // given
        Timeliness t = new Timeliness(250 * MS);

        // when
        t.add(10_000 * MS, -1);

        // then
        assertThat(t.timed()).isZero();
        assertThat(t.timely()).isFalse();

        // and when a timed one follows
        t.add(10_100 * MS, 10_000 * MS);

        // then
        assertThat(t.timely()).isTrue();
        assertThat(t.timed()).isEqualTo(1);
    }
}
