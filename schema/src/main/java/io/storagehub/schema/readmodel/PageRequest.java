package io.storagehub.schema.readmodel;

import java.util.Optional;

/** {@code limit} items strictly after {@code after} (from the start when empty). */
public record PageRequest(int limit, Optional<SortKey> after) {
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
