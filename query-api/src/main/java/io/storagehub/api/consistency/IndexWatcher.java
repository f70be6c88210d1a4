package io.storagehub.api.consistency;

import io.storagehub.api.problem.ApiProblem;
import io.storagehub.schema.readmodel.ChainView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shared watcher for every request that waits for a chain to reach a block ({@code ?minBlock=&waitMs=}).
 * Requests park on a future; a single thread hears "chain indexed" notifications and, while anyone waits, also
 * re-reads the waited-for chains every {@code fallbackPoll} (in case a notification is lost). Each check is one
 * lookup per chain, however many requests wait on it. A notification also re-reads the chain when it is in the
 * {@link IndexedChains} cache (once, for waiters and cache alike), and every lookup refreshes that cache.
 * Followers ({@link #follow}: the change feeds of the live streams) hear every lookup of their chain, and a
 * followed chain is re-checked by the fallback poll as a waited-for one is.
 */
public final class IndexWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexWatcher.class);
    static final long RETRY_AFTER_SECONDS = 1;
    /** Longest wait in {@link #close()} for the watcher thread (deployment files size grace periods on it). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final IndexedChains chains;
    private final NotificationSource notifications;
    private final long fallbackPollMillis;
    private final Map<String, List<Waiter>> waiters = new HashMap<>();
    private final Map<String, List<Consumer<ChainView>>> followers = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private record Waiter(long minBlock, CompletableFuture<ChainView> future) {
    }

    public IndexWatcher(IndexedChains chains, NotificationSource notifications, Duration fallbackPoll) {
        this.chains = chains;
        this.notifications = notifications;
        this.fallbackPollMillis = fallbackPoll.toMillis();
        this.thread = new Thread(this::run, "index-watcher");
        this.thread.setDaemon(true);
    }

    public IndexWatcher start() {
        thread.start();
        return this;
    }

    /**
     * Completes with the chain once its last indexed block is at least {@code minBlock}; fails with a 503
     * {@link ApiProblem} when {@code timeout} passes first.
     */
    public CompletableFuture<ChainView> awaitBlock(String chain, long minBlock, Duration timeout) {
        if (!running) {
            return CompletableFuture.failedFuture(
                    ApiProblem.unavailable("the server is shutting down", RETRY_AFTER_SECONDS));
        }
        CompletableFuture<ChainView> reached = new CompletableFuture<>();
        Waiter waiter = new Waiter(minBlock, reached);
        synchronized (waiters) {
            waiters.computeIfAbsent(chain, c -> new ArrayList<>()).add(waiter);
        }
        reached.whenComplete((view, failure) -> remove(chain, waiter));
        // a batch may have landed between the caller's read and the registration: look once more
        check(chain);
        return reached.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(thrown -> {
            Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null
                    ? thrown.getCause() : thrown;
            if (failure instanceof TimeoutException) {
                throw ApiProblem.indexBehind("chain " + chain + " has not reached block " + minBlock + " within "
                        + timeout.toMillis() + " ms", RETRY_AFTER_SECONDS);
            }
            throw failure instanceof RuntimeException ? (RuntimeException) failure : new IllegalStateException(failure);
        });
    }

    /**
     * Calls {@code onIndexed} (on the watcher's thread: it must not block) with the chain's view after every
     * notification about the chain and, like waiting requests, after every fallback re-check while it follows;
     * closing the returned handle stops it. The live change streams ride on this: one follower per chain.
     */
    public AutoCloseable follow(String chain, Consumer<ChainView> onIndexed) {
        synchronized (waiters) {
            followers.computeIfAbsent(chain, c -> new ArrayList<>()).add(onIndexed);
        }
        return () -> {
            synchronized (waiters) {
                List<Consumer<ChainView>> list = followers.get(chain);
                if (list != null && list.remove(onIndexed) && list.isEmpty()) {
                    followers.remove(chain);
                }
            }
        };
    }

    /** Whether the watcher hears notifications right now (a gauge: 0 means it relies on its fallback poll). */
    public boolean listening() {
        return notifications.listening();
    }

    /** How many requests wait right now (a gauge). */
    public int waiting() {
        synchronized (waiters) {
            return waiters.values().stream().mapToInt(List::size).sum();
        }
    }

    private void run() {
        long lastPoll = System.nanoTime();
        while (running) {
            Set<String> notified;
            try {
                notified = notifications.await(fallbackPollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Set<String> toCheck = waitedFor();
            if (toCheck.isEmpty()) {
                lastPoll = System.nanoTime();
            } else if (System.nanoTime() - lastPoll >= TimeUnit.MILLISECONDS.toNanos(fallbackPollMillis)) {
                lastPoll = System.nanoTime();
            } else {
                toCheck.retainAll(notified);
            }
            notified.stream().filter(chains::cached).forEach(toCheck::add);
            toCheck.forEach(this::check);
        }
    }

    private void check(String chain) {
        Optional<ChainView> view;
        try {
            view = chains.reread(chain);
        } catch (RuntimeException e) {
            LOG.debug("looking up chain {} after a notification or for waiters failed: {}", chain, e.toString());
            return;
        }
        view.ifPresent(this::release);
        view.ifPresent(this::tellFollowers);
    }

    private void tellFollowers(ChainView view) {
        List<Consumer<ChainView>> told;
        synchronized (waiters) {
            told = List.copyOf(followers.getOrDefault(view.chain(), List.of()));
        }
        for (Consumer<ChainView> follower : told) {
            try {
                follower.accept(view);
            } catch (RuntimeException e) {
                LOG.warn("a follower of chain {} failed: {}", view.chain(), e.toString());
            }
        }
    }

    private void release(ChainView view) {
        List<Waiter> done = new ArrayList<>();
        synchronized (waiters) {
            List<Waiter> list = waiters.getOrDefault(view.chain(), List.of());
            for (Iterator<Waiter> it = list.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (view.lastIndexedBlock() >= w.minBlock()) {
                    done.add(w);
                    it.remove();
                }
            }
        }
        done.forEach(w -> w.future().complete(view));
    }

    private Set<String> waitedFor() {
        synchronized (waiters) {
            Set<String> chains = new HashSet<>(waiters.keySet());
            chains.addAll(followers.keySet());
            return chains;
        }
    }

    private void remove(String chain, Waiter waiter) {
        synchronized (waiters) {
            List<Waiter> list = waiters.get(chain);
            if (list != null) {
                list.remove(waiter);
                if (list.isEmpty()) {
                    waiters.remove(chain);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notifications.close();
        List<Waiter> pending = new ArrayList<>();
        synchronized (waiters) {
            waiters.values().forEach(pending::addAll);
            waiters.clear();
        }
        pending.forEach(w -> w.future().completeExceptionally(
                ApiProblem.unavailable("the server is shutting down", RETRY_AFTER_SECONDS)));
    }
}
