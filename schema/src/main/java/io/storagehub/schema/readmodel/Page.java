package io.storagehub.schema.readmodel;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paginated list. {@code nextKey} is the sort key of the last item when more may follow;
 * the API turns it into an opaque cursor.
 */
public record Page<T>(List<T> items, Optional<SortKey> nextKey) {
    public Page {
        items = List.copyOf(items);
    }
}
