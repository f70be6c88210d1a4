package io.storagehub.indexer.deadletter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/** Keeps the newest {@code limit} of the entries it is given (by time, then id) and counts them all. */
public final class DlqSelection implements Consumer<DlqEntry> {
    static final Comparator<DlqEntry> ORDER = Comparator.comparing(DlqEntry::time)
            .thenComparingLong(e -> e.id().orElse(-1));

    private final int limit;
    private final PriorityQueue<DlqEntry> newest = new PriorityQueue<>(ORDER);
    private long matched;

    public DlqSelection(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public void accept(DlqEntry entry) {
        matched++;
        newest.add(entry);
        if (newest.size() > limit) {
            newest.poll();
        }
    }

    /** How many entries were given. */
    public long matched() {
        return matched;
    }

    /** The kept entries, oldest first. */
    public List<DlqEntry> entries() {
        List<DlqEntry> kept = new ArrayList<>(newest);
        kept.sort(ORDER);
        return kept;
    }
}
