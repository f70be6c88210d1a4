package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;

/** A bucket id: `0x` + 64 lowercase hex characters (uppercase input is normalized). */
public record BucketId(@JsonValue String hex) implements Comparable<BucketId> {
    public BucketId {
        hex = HexText.fixed(hex, 64, "bucket id");
    }

    public static BucketId of(String hex) {
        return new BucketId(hex);
    }

    @Override
    public int compareTo(BucketId other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
