package io.storagehub.bench.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuClockTest {

    @Test
    void parse_readsTimesAndParent_evenWhenTheCommandHasSpacesAndParentheses() {
        // given: fields 1..17 of /proc/<pid>/stat
        String stat = "4242 (postgres: a (b) c) S 77 4242 4242 0 -1 4194560 100 0 0 0 1500 250 30 40 20 0 1 0";

        // when
        long[] f = CpuClock.parse(stat);

        // then: utime, stime, cutime, cstime, ppid
        assertThat(f).containsExactly(1500, 250, 30, 40, 77);
    }

    @Test
    void seconds_ofThisProcess_isPositive() {
        assertThat(CpuClock.seconds(ProcessHandle.current().pid())).isPositive();
    }

    @Test
    void busySeconds_isEveryStateButIdleAndIoWait() {
        // cpu user nice system idle iowait irq softirq steal guest guest_nice (ticks of 10 ms)
        assertThat(CpuClock.busySeconds("cpu  1234 50 300 99999 777 1 2 7 0 0"))
                .isCloseTo(12.34 + 0.5 + 3 + 0.01 + 0.02 + 0.07, within(1e-9));
    }
}
