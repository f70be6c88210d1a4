package io.storagehub.schema.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.U64;
import java.io.IOException;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** The numeric wire types: u32 and u64 as JSON integers, u128 as a decimal string. */
final class NumberTypes {
    private NumberTypes() {
    }

    /** A u32 or u64: an integral JSON number in 0..max (never a string, never a float). */
    record Unsigned(String name, BigInteger max, String maxText) implements WireType {
        @Override
        public Object read(JsonParser p, String path) throws IOException, FieldError {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                JsonParser.NumberType type = p.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    long value = p.getLongValue();
                    if (value >= 0 && (max.bitLength() >= Long.SIZE || value <= max.longValue())) {
                        return max.bitLength() < Long.SIZE ? (Object) value : new U64(BigInteger.valueOf(value));
                    }
                } else {
                    BigInteger value = p.getBigIntegerValue();
                    if (value.signum() >= 0 && value.compareTo(max) <= 0) {
                        return max.bitLength() < Long.SIZE ? (Object) value.longValue() : new U64(value);
                    }
                }
            }
            throw Tokens.mismatch(path, name + " must be a JSON integer in 0.." + maxText, p);
        }

        @Override
        public void write(JsonGenerator out, Object value, String path) throws IOException {
            if (value instanceof Long number) {
                if (number < 0 || number > WireTypes.U32_MAX) {
                    throw new IllegalArgumentException(path + ": u32 must be in 0..4294967295, got " + number);
                }
                out.writeNumber(number);
            } else {
                out.writeNumber(((U64) value).value());
            }
        }
    }

    /** A u128: a decimal string (never a JSON number). */
    static final class U128 implements WireType {
        private static final int MAX_DIGITS = Balance.MAX.toString().length();
        private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=.)");
        private static final Pattern DIGITS = Pattern.compile("[0-9]+");

        @Override
        public Object read(JsonParser p, String path) throws IOException, FieldError {
            String text = Tokens.requireText(p, path, "u128");
            String digits = LEADING_ZEROS.matcher(text).replaceFirst("");
            if (!DIGITS.matcher(digits).matches()) {
                throw Tokens.mismatch(path, "u128 must be a decimal string of digits 0-9", p);
            }
            if (digits.length() > MAX_DIGITS || new BigInteger(digits).compareTo(Balance.MAX) > 0) {
                throw Tokens.mismatch(path, "u128 must be at most 2^128-1 (" + Balance.MAX + ")", p);
            }
            return new Balance(new BigInteger(digits));
        }

        @Override
        public void write(JsonGenerator out, Object value, String path) throws IOException {
            out.writeString(value.toString());
        }
    }
}
