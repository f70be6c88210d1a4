package io.storagehub.api.changes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.storagehub.api.consistency.IndexWatcher;
import io.storagehub.api.problem.ApiProblem;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.ChangeFilter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live side of {@code GET /changes} for one API instance: one {@link ChainFeed} per chain that someone
 * follows (created on the first listener, dropped with the last), the event-stream subscribers and their limit,
 * keep-alive comments, the {@code /changes} pages waiting for a change, and the stream metrics. Feed reads and
 * replays run on two background threads; a subscriber holds no thread of its own.
 */
public final class ChangeFeeds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeeds.class);
    static final long RETRY_AFTER_SECONDS = 5;
    private static final int WORKERS = 2;

    /** Why a stream ended (the {@code reason} of the disconnections metric). */
    enum Ended {
        CLIENT_GONE("client"), TOO_SLOW("slow"), ERROR("error"), SHUTDOWN("shutdown");

        private final String tag;

        Ended(String tag) {
            this.tag = tag;
        }
    }

    /** A listener added to a chain's feed, hearing every change after {@code head}. */
    record Joined(ChainFeed feed, Position head) {
    }

    private final StorageQueries queries;
    private final IndexWatcher watcher;
    private final StreamSettings settings;
    private final ChangeMatcher matcher;
    private final Map<String, ChainFeed> feeds = new HashMap<>();
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final AtomicInteger waitingPages = new AtomicInteger();
    private final Set<CompletableFuture<Void>> pages = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService keepAlive;
    private final Counter sent;
    private final Map<Ended, Counter> ended = new EnumMap<>(Ended.class);
    private volatile boolean closed;

    public ChangeFeeds(StorageQueries queries, IndexWatcher watcher, StreamSettings settings, MeterRegistry registry) {
        this.queries = queries;
        this.watcher = watcher;
        this.settings = settings;
        this.matcher = new ChangeMatcher(queries);
        this.workers = Executors.newFixedThreadPool(WORKERS, daemon("change-feed"));
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(daemon("change-keepalive"));
        // a stream silent for half the keep-alive gets a comment at the next tick, a third later at most
        long tick = Math.max(1, settings.keepAlive().toMillis() / 3);
        keepAlive.scheduleAtFixedRate(this::keepAlive, tick, tick, TimeUnit.MILLISECONDS);
        Gauge.builder("storagehub.api.stream.subscribers", subscribers, AtomicInteger::get)
                .description("event-stream subscribers of GET /changes connected now")
                .register(registry);
        Gauge.builder("storagehub.api.waiting.changes", waitingPages, AtomicInteger::get)
                .description("GET /changes pages waiting (waitMs) for a matching change")
                .register(registry);
        this.sent = Counter.builder("storagehub.api.stream.messages.sent")
                .description("changes written to event-stream subscribers")
                .register(registry);
        for (Ended why : Ended.values()) {
            ended.put(why, Counter.builder("storagehub.api.stream.disconnections")
                    .description("event streams ended, by reason: client (went away), slow (fell too far behind), "
                            + "error, shutdown")
                    .tag("reason", why.tag)
                    .register(registry));
        }
    }

    StorageQueries queries() {
        return queries;
    }

    /** Takes a subscriber slot, or answers 503 with Retry-After when the instance's limit is reached. */
    Runnable reserve() {
        if (closed) {
            throw shuttingDown();
        }
        if (subscribers.incrementAndGet() > settings.maxSubscribers()) {
            subscribers.decrementAndGet();
            throw ApiProblem.tooManySubscribers("this instance already serves its " + settings.maxSubscribers()
                    + " event-stream subscribers; retry later or on another instance", RETRY_AFTER_SECONDS);
        }
        AtomicInteger once = new AtomicInteger();
        return () -> {
            if (once.getAndIncrement() == 0) {
                subscribers.decrementAndGet();
            }
        };
    }

    /** A subscriber's stream from {@code start} (exclusive; the feed's head when empty), on a reserved slot. */
    EventStream stream(String chain, ChangeFilter filter, Optional<Position> start, Runnable release) {
        EventStream stream = new EventStream(this, chain, filter, start, settings.maxQueued(), release);
        streams.add(stream);
        if (closed) {
            stream.close(Ended.SHUTDOWN);
        }
        return stream;
    }

    /**
     * Completes (normally) when a change after {@code after} that passes {@code filter} is read, or when
     * {@code timeout} passes; a page waiting for a change then runs its query again.
     */
    CompletableFuture<Void> awaitChange(String chain, ChangeFilter filter, Position after, Duration timeout) {
        CompletableFuture<Void> changed = new CompletableFuture<>();
        FeedListener waiter = new FeedListener() {
            @Override
            public ChangeFilter filter() {
                return filter;
            }

            @Override
            public void deliver(FeedMessage message) {
                if (message.position().isAfter(after)) {
                    changed.complete(null);
                }
            }
        };
        Joined joined = join(chain, waiter);
        waitingPages.incrementAndGet();
        pages.add(changed);
        if (closed) {
            changed.completeExceptionally(shuttingDown());
        }
        // off the feed's lock: leaving takes the lock of the feeds, which joining takes before a feed's
        changed.whenCompleteAsync((ok, failure) -> {
            pages.remove(changed);
            waitingPages.decrementAndGet();
            leave(joined.feed(), waiter);
        }, this::execute);
        return changed.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds a listener to the chain's feed, starting the feed (at the chain's last position) if needed. */
    Joined join(String chain, FeedListener listener) {
        synchronized (feeds) {
            ChainFeed feed = feeds.get(chain);
            if (feed == null) {
                Position head = queries.chain(chain).map(ChainView::lastPosition).orElse(Position.ORIGIN);
                ChainFeed started = new ChainFeed(chain, head, queries, matcher, workers,
                        Math.max(1, Math.min(ChainFeed.READ_BATCH, settings.maxQueued() / 2)));
                started.following(watcher.follow(chain, started::indexed));
                feeds.put(chain, started);
                feed = started;
            }
            return new Joined(feed, feed.add(listener));
        }
    }

    void leave(ChainFeed feed, FeedListener listener) {
        synchronized (feeds) {
            if (feed.remove(listener) && feeds.get(feed.chain()) == feed) {
                feeds.remove(feed.chain());
                try {
                    feed.following().close();
                } catch (Exception e) {
                    LOG.debug("unfollowing chain {} failed: {}", feed.chain(), e.toString());
                }
            }
        }
    }

    /**
     * A stream ended: the reason is counted and it leaves its feed, off the caller's thread (which may hold the
     * feed's lock, and leaving takes the lock of the feeds, which joining takes before a feed's).
     */
    void ended(EventStream stream, ChainFeed feed, Ended why) {
        if (streams.remove(stream)) {
            ended.get(why).increment();
        }
        if (feed != null) {
            execute(() -> leave(feed, stream));
        }
    }

    void sent(int events) {
        if (events > 0) {
            sent.increment(events);
        }
    }

    void execute(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    private void keepAlive() {
        long idle = TimeUnit.MILLISECONDS.toNanos(settings.keepAlive().toMillis() / 2);
        for (EventStream stream : streams) {
            try {
                stream.keepAlive(idle);
            } catch (RuntimeException e) {
                LOG.debug("keep-alive failed: {}", e.toString());
            }
        }
    }

    private static ApiProblem shuttingDown() {
        return ApiProblem.unavailable("the server is shutting down", RETRY_AFTER_SECONDS);
    }

    /**
     * Ends every stream (their clients resume elsewhere with Last-Event-ID), answers the pages waiting for a change
     * with 503, and stops the feeds' threads.
     */
    @Override
    public void close() {
        closed = true;
        keepAlive.shutdownNow();
        for (CompletableFuture<Void> page : List.copyOf(pages)) {
            page.completeExceptionally(shuttingDown());
        }
        for (EventStream stream : List.copyOf(streams)) {
            stream.close(Ended.SHUTDOWN);
        }
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
