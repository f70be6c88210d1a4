package io.storagehub.api.consistency;

import io.storagehub.schema.readmodel.ChainView;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Each known chain's last {@link ChainView}, shared by every request, so that a request runs its data statement
 * only instead of a chain lookup first. The {@link IndexWatcher} re-reads a cached chain once per "chain indexed"
 * notification; an entry older than {@code maxAge} is re-read by the next request that needs it. A chain that
 * is not indexed is never cached (one that appears later is found by the next request), so a request for an
 * unknown chain costs one lookup, as before.
 *
 * <p>Why a cached block is a correct {@code X-Indexed-Block}: the view was read from committed state before the
 * request's data statement starts, and under READ COMMITTED that statement sees everything committed when it
 * starts, so the data reflects at least the cached block. A request whose {@code minBlock} is above the cached
 * block calls {@link #reread} before it answers 503 or waits, so staleness never causes a wrong 503.
 *
 * <p>A read that started before the cached one never moves a chain's block backwards; a later read does (e.g. a
 * rebuild switched schemas), and a later read that finds no chain drops it.
 *
 * <p>A chain is re-read by one request at a time when its entry is stale (or missing): requests that find the
 * same re-read under way wait for its answer instead of each taking a connection for the same lookup, which once
 * per max age made every concurrent request of a busy API read the chain at once.
 */
public final class IndexedChains {
    private final Function<String, Optional<ChainView>> lookup;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Optional<ChainView>>> rereads =
            new ConcurrentHashMap<>();

    /** A view and the time the read that found it started. */
    private record Entry(ChainView view, long readAt) {
    }

    public IndexedChains(Function<String, Optional<ChainView>> lookup, Duration maxAge) {
        this(lookup, maxAge, System::nanoTime);
    }

    IndexedChains(Function<String, Optional<ChainView>> lookup, Duration maxAge, LongSupplier nanoClock) {
        this.lookup = lookup;
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = nanoClock;
    }

    /** The chain's view: the cached one while it is younger than the max age, else read now (may throw). */
    public Optional<ChainView> current(String chain) {
        Entry entry = entries.get(chain);
        if (entry != null && clock.getAsLong() - entry.readAt() < maxAgeNanos) {
            return Optional.of(entry.view());
        }
        return sharedReread(chain);
    }

    /** {@link #reread}, or the answer of the re-read of the chain already under way (it started after expiry). */
    private Optional<ChainView> sharedReread(String chain) {
        CompletableFuture<Optional<ChainView>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ChainView>> running = rereads.putIfAbsent(chain, mine);
        if (running != null) {
            return join(running);
        }
        try {
            Optional<ChainView> view = reread(chain);
            mine.complete(view);
            return view;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rereads.remove(chain, mine);
        }
    }

    private static Optional<ChainView> join(CompletableFuture<Optional<ChainView>> reread) {
        try {
            return reread.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
    }

    /** Reads the chain now, publishes what was read and returns the chain's view afterwards (may throw). */
    public Optional<ChainView> reread(String chain) {
        long started = clock.getAsLong();
        Optional<ChainView> read = lookup.apply(chain);
        Entry published = read.isPresent()
                ? entries.compute(chain, (c, old) -> merge(old, new Entry(read.get(), started)))
                : entries.computeIfPresent(chain, (c, old) -> old.readAt() > started ? old : null);
        return Optional.ofNullable(published).map(Entry::view);
    }

    /** Whether the chain is cached (then a notification about it is worth a re-read). */
    boolean cached(String chain) {
        return entries.containsKey(chain);
    }

    private static Entry merge(Entry old, Entry read) {
        if (old == null || read.readAt() >= old.readAt()) {
            return read;
        }
        // an earlier read that finished late: keep the newer read's answer unless this one saw further
        return read.view().lastIndexedBlock() > old.view().lastIndexedBlock()
                ? new Entry(read.view(), old.readAt()) : old;
    }
}
