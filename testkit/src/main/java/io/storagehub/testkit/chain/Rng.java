package io.storagehub.testkit.chain;

import java.util.List;

/**
 * SplitMix64: a tiny, fast generator whose sequence is fixed by its seed forever (unlike JDK generators, whose
 * algorithms may change), which keeps generated chains reproducible across JVMs and versions.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 finalizer: a bijection on 64-bit values with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in {@code [lo, hi]}. */
    long between(long lo, long hi) {
        long span = hi - lo + 1;
        return lo + Math.floorMod(nextLong(), span);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Log-uniform in {@code [lo, hi]}: as many values per decade, like real file sizes. */
    long logUniform(long lo, long hi) {
        double value = Math.exp(Math.log(lo) + nextDouble() * (Math.log(hi) - Math.log(lo)));
        return Math.max(lo, Math.min(hi, (long) value));
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }
}
