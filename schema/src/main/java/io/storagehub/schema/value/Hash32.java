package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;

/** A hex32: `0x` + 64 lowercase hex characters (uppercase input is normalized). */
public record Hash32(@JsonValue String hex) implements Comparable<Hash32> {
    public Hash32 {
        hex = HexText.fixed(hex, 64, "hex32");
    }

    public static Hash32 of(String hex) {
        return new Hash32(hex);
    }

    @Override
    public int compareTo(Hash32 other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
