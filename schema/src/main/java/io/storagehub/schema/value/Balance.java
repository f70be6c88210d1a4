package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;

/** An unsigned 128-bit amount (prices, rates, charges). On the wire and in answers: a decimal string. */
public record Balance(BigInteger value) implements Comparable<Balance> {
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    public static final Balance ZERO = new Balance(BigInteger.ZERO);

    public Balance {
        if (value == null || value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new InvalidValueException("u128 must be an integer in 0..2^128-1, got " + value);
        }
    }

    public static Balance of(long value) {
        return new Balance(BigInteger.valueOf(value));
    }

    /** Parses the contract's decimal-string form. */
    public static Balance parse(String decimal) {
        if (decimal == null || !decimal.matches("[0-9]{1,39}")) {
            throw new InvalidValueException("u128 must be a decimal string of 1..39 digits, got '"
                    + Abbrev.of(decimal) + "'");
        }
        return new Balance(new BigInteger(decimal));
    }

    public Balance plus(Balance other) {
        return new Balance(value.add(other.value));
    }

    @Override
    public int compareTo(Balance other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
