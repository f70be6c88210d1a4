package io.storagehub.schema.readmodel;

import java.util.List;

/** The sort key of a list item, as strings (e.g. {@code [location, fileKey]}). Pages resume strictly after it. */
public record SortKey(List<String> parts) {
    public SortKey {
        parts = List.copyOf(parts);
    }

    public static SortKey of(String... parts) {
        return new SortKey(List.of(parts));
    }
}
