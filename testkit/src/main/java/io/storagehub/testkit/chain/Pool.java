package io.storagehub.testkit.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set with O(1) add, remove and uniform random pick. Order depends only on the operations applied (the map
 * is used for lookups, never iterated), so a seeded run is reproducible.
 */
final class Pool<T> {
    private final List<T> items = new ArrayList<>();
    private final Map<T, Integer> index = new HashMap<>();

    boolean add(T item) {
        if (index.containsKey(item)) {
            return false;
        }
        index.put(item, items.size());
        items.add(item);
        return true;
    }

    boolean remove(T item) {
        Integer at = index.remove(item);
        if (at == null) {
            return false;
        }
        T last = items.remove(items.size() - 1);
        if (last != item) {
            items.set(at, last);
            index.put(last, at);
        }
        return true;
    }

    boolean contains(T item) {
        return index.containsKey(item);
    }

    int size() {
        return items.size();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    T get(int i) {
        return items.get(i);
    }

    /** A uniformly random member, or null when empty. */
    T random(Rng rng) {
        return items.isEmpty() ? null : items.get(rng.nextInt(items.size()));
    }

    /** A read-only snapshot, for the rare operations that walk the whole set. */
    List<T> snapshot() {
        return List.copyOf(items);
    }
}
