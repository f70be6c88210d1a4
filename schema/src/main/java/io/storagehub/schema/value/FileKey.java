package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;

/** A file key: `0x` + 64 lowercase hex characters (uppercase input is normalized). */
public record FileKey(@JsonValue String hex) implements Comparable<FileKey> {
    public FileKey {
        hex = HexText.fixed(hex, 64, "file key");
    }

    public static FileKey of(String hex) {
        return new FileKey(hex);
    }

    @Override
    public int compareTo(FileKey other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
