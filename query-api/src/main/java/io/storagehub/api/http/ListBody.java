package io.storagehub.api.http;

import java.util.List;

/** The answer of every list endpoint: a page of items and the cursor of the next page (null on the last). */
public record ListBody<T>(List<T> items, String nextCursor) {
    public ListBody {
        items = List.copyOf(items);
    }
}
