package io.storagehub.api.changes;

import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of a chain's live changes. Woken by the {@link io.storagehub.api.consistency.IndexWatcher} (the
 * indexer's notifications, or its fallback re-check), it reads the changes after its {@code head} once, in
 * batches, and hands each to the listeners whose filter it passes; nothing reads per listener. A listener added
 * at head {@code H} hears every change after {@code H}: delivering a batch and moving the head happen under the
 * same lock as adding a listener.
 */
final class ChainFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ChainFeed.class);
    static final int READ_BATCH = 500;

    private final String chain;
    private final StorageQueries queries;
    private final ChangeMatcher matcher;
    private final Executor reader;
    private final List<FeedListener> listeners = new ArrayList<>();
    private final AtomicInteger wakeups = new AtomicInteger();
    private Position head;
    /** Guards {@code reported} and {@code checked}, so that the watcher never waits for a delivery. */
    private final Object positions = new Object();
    /** The chain's last position as last reported, and the one every change up to which has been read. */
    private Position reported;
    private Position checked;
    private AutoCloseable following;

    private final int readBatch;

    /** {@code readBatch}: changes read (and queued to a subscriber) at once, at most {@link #READ_BATCH}. */
    ChainFeed(String chain, Position head, StorageQueries queries, ChangeMatcher matcher, Executor reader,
              int readBatch) {
        this.readBatch = readBatch;
        this.chain = chain;
        this.head = head;
        this.reported = head;
        this.checked = head;
        this.queries = queries;
        this.matcher = matcher;
        this.reader = reader;
    }

    String chain() {
        return chain;
    }

    void following(AutoCloseable following) {
        this.following = following;
    }

    AutoCloseable following() {
        return following;
    }

    /** Adds a listener; it hears every matching change after the returned head. */
    synchronized Position add(FeedListener listener) {
        listeners.add(listener);
        return head;
    }

    /** Removes a listener; true when the feed has none left. */
    synchronized boolean remove(FeedListener listener) {
        listeners.remove(listener);
        return listeners.isEmpty();
    }

    synchronized boolean idle() {
        return listeners.isEmpty();
    }

    /** The chain was indexed further (or re-checked): read what is new, once, on the reader. */
    void indexed(ChainView view) {
        synchronized (positions) {
            if (!view.lastPosition().isAfter(checked)) {
                return;
            }
            if (view.lastPosition().isAfter(reported)) {
                reported = view.lastPosition();
            }
        }
        wake();
    }

    void wake() {
        if (wakeups.getAndIncrement() == 0) {
            reader.execute(this::drain);
        }
    }

    private void drain() {
        int seen;
        do {
            seen = wakeups.get();
            Position target;
            synchronized (positions) {
                target = reported;
            }
            try {
                readNew();
                synchronized (positions) {
                    checked = target.isAfter(checked) ? target : checked;
                }
            } catch (RuntimeException e) {
                LOG.warn("reading the new changes of chain {} failed (retried on the next notification): {}", chain,
                        e.toString());
            }
        } while (!wakeups.compareAndSet(seen, 0));
    }

    private void readNew() {
        Position from;
        synchronized (this) {
            from = head;
        }
        while (true) {
            List<ChangeView> batch = queries.changes(chain, ChangeFilter.NONE, from, readBatch);
            if (batch.isEmpty()) {
                return;
            }
            deliver(batch);
            from = batch.get(batch.size() - 1).position();
            if (batch.size() < readBatch) {
                return;
            }
        }
    }

    /**
     * Hands each change of the batch to the listeners whose filter it passes. Each distinct filter is evaluated
     * once per change (the listeners that share it share the result), against what the change is found by,
     * computed once per change ({@link ChangeMatcher.Found}); the owners the {@code bucket} and {@code account}
     * filters need are read for the whole batch at once first. The evaluation runs outside the lock (it may still
     * look up an owner) for the filters of the listeners there are now, and under it for a filter added meanwhile. The
     * listeners that were handed a change are flushed once the whole batch is handed over, off the lock: a stream
     * then writes the batch's changes in one write rather than one per change.
     */
    private void deliver(List<ChangeView> batch) {
        Set<FeedListener> handed = new LinkedHashSet<>();
        try {
            handOver(batch, handed);
        } finally {
            for (FeedListener listener : handed) {
                listener.flush();
            }
        }
    }

    private void handOver(List<ChangeView> batch, Set<FeedListener> handed) {
        List<ChangeMatcher.Found> found = new ArrayList<>(batch.size());
        for (ChangeView change : batch) {
            found.add(matcher.found(chain, change));
        }
        Map<ChangeFilter, boolean[]> passes = new HashMap<>();
        List<FeedListener> now;
        synchronized (this) {
            now = List.copyOf(listeners);
        }
        if (now.stream().anyMatch(listener -> ChangeMatcher.needsOwners(listener.filter()))) {
            matcher.lookUpOwners(chain, batch);
        }
        for (FeedListener listener : now) {
            passes.computeIfAbsent(listener.filter(), filter -> evaluate(filter, found));
        }
        synchronized (this) {
            Map<ChangeFilter, List<FeedListener>> byFilter = new LinkedHashMap<>();
            for (FeedListener listener : listeners) {
                passes.computeIfAbsent(listener.filter(), filter -> evaluate(filter, found));
                byFilter.computeIfAbsent(listener.filter(), filter -> new ArrayList<>()).add(listener);
            }
            List<boolean[]> groupPasses = new ArrayList<>(byFilter.size());
            List<List<FeedListener>> groups = new ArrayList<>(byFilter.size());
            byFilter.forEach((filter, group) -> {
                groupPasses.add(passes.get(filter));
                groups.add(group);
            });
            for (int i = 0; i < batch.size(); i++) {
                ChangeView change = batch.get(i);
                if (!change.position().isAfter(head)) {
                    continue;
                }
                FeedMessage message = null;
                for (int g = 0; g < groups.size(); g++) {
                    if (groupPasses.get(g)[i]) {
                        message = message == null ? FeedMessage.of(change) : message;
                        for (FeedListener listener : groups.get(g)) {
                            listener.deliver(message);
                            handed.add(listener);
                        }
                    }
                }
                head = change.position();
            }
        }
    }

    private boolean[] evaluate(ChangeFilter filter, List<ChangeMatcher.Found> found) {
        boolean[] passes = new boolean[found.size()];
        for (int i = 0; i < found.size(); i++) {
            passes[i] = matcher.matches(filter, found.get(i));
        }
        return passes;
    }
}
