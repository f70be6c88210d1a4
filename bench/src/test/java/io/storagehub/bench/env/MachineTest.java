package io.storagehub.bench.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void cpuBusy_isAShareOfTheWholeMachine_andSeesThisThreadSpinning() throws InterruptedException {
        // given: a thread keeping one core busy for longer than the window
        AtomicLong sink = new AtomicLong();
        Thread spinner = new Thread(() -> {
            long until = System.nanoTime() + 600_000_000L;
            long x = 0;
            while (System.nanoTime() < until) {
                x += System.nanoTime() & 1;
            }
            sink.set(x);
        });
        spinner.start();

        // when
        double busy = Machine.cpuBusy(Duration.ofMillis(400));
        spinner.join();

        // then: at least half of one of the machine's cores was busy, and never more than all of them
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(busy).isBetween(0.5 / cores, 1.0);
    }

    @Test
    void settled_describesTheWait_andWhetherItEndedQuiet() {
        assertThat(Machine.Settled.NOT_WAITED.describe()).isEqualTo("no wait");
        assertThat(new Machine.Settled(12.4, 0.08).describe()).isEqualTo("12 s, then 8 % busy");
        assertThat(new Machine.Settled(180.2, 0.61).describe()).isEqualTo("180 s, then 61 % busy (waited no longer)");
    }
}
