package io.storagehub.schema.value;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;

/** A file's path in its bucket: a UTF-8 string of 1..512 bytes, `/`-separated. */
public record Location(@JsonValue String path) implements Comparable<Location> {
    public static final int MAX_BYTES = 512;

    public Location {
        if (path == null || path.isEmpty()) {
            throw new InvalidValueException("location must not be empty");
        }
        int bytes = path.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidValueException("location must be at most " + MAX_BYTES + " UTF-8 bytes, got " + bytes);
        }
        if (path.indexOf('\0') >= 0) {
            throw new InvalidValueException("location must not contain NUL characters");
        }
    }

    public static Location of(String path) {
        return new Location(path);
    }

    /** Orders by UTF-8 bytes, as Postgres orders a text column with the "C" collation. */
    @Override
    public int compareTo(Location other) {
        return Utf8Order.compare(path, other.path);
    }

    @Override
    public String toString() {
        return path;
    }
}
