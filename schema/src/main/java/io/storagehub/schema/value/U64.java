package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;

/** An unsigned 64-bit integer (sizes, capacities). Kept as a BigInteger: values may exceed a signed long. */
public record U64(@JsonValue BigInteger value) implements Comparable<U64> {
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    public static final U64 ZERO = new U64(BigInteger.ZERO);

    public U64 {
        if (value == null || value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new InvalidValueException("u64 must be an integer in 0..2^64-1, got " + value);
        }
    }

    public static U64 of(long value) {
        return new U64(BigInteger.valueOf(value));
    }

    @Override
    public int compareTo(U64 other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
