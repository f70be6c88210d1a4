package io.storagehub.projection.jdbi;

import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.SortKey;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Keyset pages: fetch one row more than asked to know whether another page follows. */
final class Pages {

    private Pages() {
    }

    /** How many rows to fetch for a page. */
    static int fetchSize(PageRequest page) {
        return page.limit() + 1;
    }

    /**
     * The parts of the sort key to resume after, or {@code parts} empty strings from the start (every id and
     * location is non-empty, so every row sorts after them).
     */
    static List<String> after(PageRequest page, int parts) {
        if (page.after().isEmpty()) {
            return Collections.nCopies(parts, "");
        }
        List<String> key = page.after().get().parts();
        if (key.size() != parts) {
            throw new IllegalArgumentException("sort key must have " + parts + " parts, got " + key.size());
        }
        return key;
    }

    /** The requested page of {@code fetched} (at most one row more than the limit). */
    static <T> Page<T> of(List<T> fetched, PageRequest page, Function<T, SortKey> sortKey) {
        if (fetched.size() <= page.limit()) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, page.limit());
        return new Page<>(items, Optional.of(sortKey.apply(items.get(items.size() - 1))));
    }
}
