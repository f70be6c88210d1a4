package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;

/** A provider id: `0x` + 64 lowercase hex characters (uppercase input is normalized). */
public record ProviderId(@JsonValue String hex) implements Comparable<ProviderId> {
    public ProviderId {
        hex = HexText.fixed(hex, 64, "provider id");
    }

    public static ProviderId of(String hex) {
        return new ProviderId(hex);
    }

    @Override
    public int compareTo(ProviderId other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
