package io.storagehub.bench.report;

import java.util.List;

/** Nearest-rank percentiles of sorted samples. */
public final class Percentiles {
    private Percentiles() {
    }

    /** The {@code q} quantile (0..1) of {@code sorted}, by nearest rank; NaN when there are no samples. */
    public static double of(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
