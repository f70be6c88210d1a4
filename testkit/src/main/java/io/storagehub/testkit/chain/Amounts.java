package io.storagehub.testkit.chain;

import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.U64;
import java.math.BigInteger;

/** Sizes, capacities and balances with realistic spreads and the occasional extreme value. */
final class Amounts {
    static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);
    static final BigInteger TWO_127 = BigInteger.ONE.shiftLeft(127);
    private static final long KIB = 1024;
    private static final long GIB = KIB * KIB * KIB;
    private static final long TIB = GIB * KIB;

    private final Rng rng;

    Amounts(Rng rng) {
        this.rng = rng;
    }

    /** Mostly 1 KiB..64 MiB, some up to 10 GiB, rarely above 2^63 (a u64 a signed long cannot hold). */
    U64 fileSize() {
        double r = rng.nextDouble();
        if (r < 0.003) {
            return new U64(TWO_63.add(BigInteger.valueOf(rng.nextLong() >>> 2)));
        }
        if (r < 0.1) {
            return U64.of(rng.logUniform(64 * KIB * KIB, 10 * GIB));
        }
        return U64.of(rng.logUniform(KIB, 64 * KIB * KIB));
    }

    /** 1 TiB..1 PiB, rarely close to 2^64. */
    U64 capacity() {
        if (rng.chance(0.02)) {
            return new U64(U64.MAX.subtract(BigInteger.valueOf(rng.nextLong() >>> 20)));
        }
        return U64.of(rng.logUniform(TIB, 1024 * TIB));
    }

    /** A u128 that is small most of the time and sometimes just under 2^127. */
    Balance price() {
        return rng.chance(0.03) ? nearTwo127() : Balance.of(rng.logUniform(1, 1_000_000_000_000L));
    }

    /** A small amount (charges, slashes): at most 10^15, so millions of them never approach 2^128. */
    Balance small() {
        return Balance.of(rng.logUniform(1, 1_000_000_000_000_000L));
    }

    /** 2^127 minus a random 40-bit value. */
    Balance nearTwo127() {
        return new Balance(TWO_127.subtract(BigInteger.valueOf(rng.nextLong() >>> 24)));
    }

    U64 bucketDataLimit() {
        return rng.chance(0.05) ? new U64(U64.MAX) : U64.of(rng.logUniform(GIB, 100 * TIB));
    }

    U64 amountProvided() {
        return U64.of(rng.logUniform(GIB, 100 * TIB));
    }
}
