package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;

/** A value proposition id: `0x` + 64 lowercase hex characters (uppercase input is normalized). */
public record ValuePropId(@JsonValue String hex) implements Comparable<ValuePropId> {
    public ValuePropId {
        hex = HexText.fixed(hex, 64, "value proposition id");
    }

    public static ValuePropId of(String hex) {
        return new ValuePropId(hex);
    }

    @Override
    public int compareTo(ValuePropId other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
