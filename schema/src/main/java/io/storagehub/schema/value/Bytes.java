package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;

/** Opaque bytes: `0x` + an even number of lowercase hex characters. */
public record Bytes(@JsonValue String hex) {
    public Bytes {
        hex = HexText.evenLength(hex, "bytes");
    }

    public static Bytes of(String hex) {
        return new Bytes(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
