package io.storagehub.projection.memory;

import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.value.Utf8Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Keyset pagination over in-memory rows, in the byte order of their sort keys. */
final class Pages {
    static final Comparator<SortKey> ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.parts().size(), b.parts().size()); i++) {
            int c = Utf8Order.compare(a.parts().get(i), b.parts().get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.parts().size(), b.parts().size());
    };

    private Pages() {
    }

    /** One page of {@code rows} (in any order), each mapped to an item after it is chosen. */
    static <R, T> Page<T> page(Stream<R> rows, Function<R, SortKey> keyOf, Function<R, T> toItem, PageRequest page) {
        Stream<R> after = page.after().map(a -> rows.filter(r -> ORDER.compare(keyOf.apply(r), a) > 0)).orElse(rows);
        List<R> chosen = after.sorted(Comparator.comparing(keyOf, ORDER)).limit(page.limit() + 1L).toList();
        boolean more = chosen.size() > page.limit();
        List<R> items = more ? chosen.subList(0, page.limit()) : chosen;
        List<T> mapped = new ArrayList<>(items.size());
        items.forEach(r -> mapped.add(toItem.apply(r)));
        Optional<SortKey> next = more ? Optional.of(keyOf.apply(items.get(items.size() - 1))) : Optional.empty();
        return new Page<>(mapped, next);
    }
}
