package io.storagehub.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoadCostTest {

    @Test
    void busyTimeIsEveryStateButIdleAndIoWait() {
        // cpu user nice system idle iowait irq softirq steal guest guest_nice (ticks of 10 ms)
        assertEquals(12.34 + 0.5 + 3 + 0.01 + 0.02 + 0.07,
                LoadCost.busySeconds("cpu  1234 50 300 99999 777 1 2 7 0 0"), 1e-9);
    }
}
