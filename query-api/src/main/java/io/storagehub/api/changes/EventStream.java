package io.storagehub.api.changes;

import io.javalin.http.Context;
import io.storagehub.api.http.RequestParams;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code GET /changes} event-stream subscriber. Writes are non-blocking (a servlet {@link WriteListener}):
 * the stream holds no thread while idle or while its client is slow, and the chain's feed only queues messages.
 * From a start position it first replays the matching changes up to the feed's head at subscription, a page at
 * a time as the client takes them, and holds the live ones meanwhile; then it sends the held and live ones,
 * each position once. More than {@code maxQueued} messages waiting for a client that has taken nothing for a
 * second, or four times as many in any case, disconnect it (it resumes with {@code Last-Event-ID}).
 */
final class EventStream implements FeedListener, WriteListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final int WRITE_BYTES = 64 * 1024;
    static final java.time.Duration STALLED = java.time.Duration.ofSeconds(1);
    static final int HARD_LIMIT = 4;
    static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private record Out(byte[] bytes, boolean event) {
    }

    private final ChangeFeeds feeds;
    private final String chain;
    private final ChangeFilter filter;
    private final Optional<Position> start;
    private final int maxQueued;
    private final ArrayDeque<Out> queue = new ArrayDeque<>();
    private final List<FeedMessage> held = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private ChainFeed feed;
    private ServletOutputStream out;
    private Position lastQueued;
    private Position replayUpTo;
    private boolean started;
    private boolean replaying;
    private boolean replayRunning;
    private boolean unflushed = true;
    private boolean closed;
    /** Set when the stream must end (too slow, or its client is gone): it then takes nothing more. */
    private boolean ending;
    private long lastWriteNanos = System.nanoTime();

    private final Runnable release;

    EventStream(ChangeFeeds feeds, String chain, ChangeFilter filter, Optional<Position> start, int maxQueued,
                Runnable release) {
        this.release = release;
        this.feeds = feeds;
        this.chain = chain;
        this.filter = filter;
        this.start = start;
        this.maxQueued = maxQueued;
    }

    /** Starts the answer on the (asynchronous) request; the future completes when the stream has ended. */
    CompletableFuture<Void> open(Context ctx) {
        ChangeFeeds.Joined joined;
        try {
            joined = feeds.join(chain, this);
        } catch (RuntimeException e) {
            // nothing is written yet: the request is answered as a problem (503 when the database is down)
            close(ChangeFeeds.Ended.ERROR);
            return CompletableFuture.failedFuture(e);
        }
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType(RequestParams.EVENT_STREAM + ";charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        try {
            ctx.req().getAsyncContext().addListener(new StreamEnds(this));
            ServletOutputStream stream = response.getOutputStream();
            Position head = joined.head();
            synchronized (this) {
                feed = joined.feed();
                lastQueued = start.orElse(head);
                replaying = lastQueued.compareTo(head) < 0;
                replayUpTo = head;
                started = true;
                if (!replaying) {
                    releaseHeld();
                }
            }
            // non-blocking from here on; writes wait for the listener, so that none is a blocking one
            stream.setWriteListener(this);
            synchronized (this) {
                out = stream;
            }
            write(); // commits the head, and starts the replay (on the feeds' threads) when there is one

        } catch (IOException | RuntimeException e) {
            LOG.debug("event stream of chain {} could not start: {}", chain, e.toString());
            synchronized (this) {
                feed = joined.feed();
            }
            close(ChangeFeeds.Ended.CLIENT_GONE);
        }
        return done;
    }

    @Override
    public ChangeFilter filter() {
        return filter;
    }

    @Override
    public synchronized void deliver(FeedMessage message) {
        if (closed || ending) {
            return;
        }
        if (!started || replaying) {
            held.add(message);
            if (tooFarBehind(held.size())) {
                slow();
            }
            return;
        }
        enqueue(message); // written by flush(), once the feed has handed over the whole batch
    }

    @Override
    public void flush() {
        write();
    }

    /** A keep-alive comment when nothing was written for {@code idleNanos} and nothing waits to be. */
    synchronized void keepAlive(long idleNanos) {
        if (!closed && !ending && started && queue.isEmpty() && System.nanoTime() - lastWriteNanos >= idleNanos) {
            queue.add(new Out(KEEP_ALIVE, false));
            write();
        }
    }

    @Override
    public void onWritePossible() {
        write();
    }

    @Override
    public void onError(Throwable failure) {
        LOG.debug("event stream of chain {} failed: {}", chain, failure.toString());
        close(ChangeFeeds.Ended.CLIENT_GONE);
    }

    /** Ends the stream (idempotent): frees the subscriber slot, leaves the feed and completes the answer. */
    void close(ChangeFeeds.Ended why) {
        ChainFeed left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            held.clear();
            left = feed;
        }
        release.run();
        feeds.ended(this, left, why);
        done.complete(null);
    }

    /**
     * Whether {@code waiting} messages mean the client fell too far behind: more than {@code maxQueued} while it
     * has taken nothing for {@link #STALLED} (a burst that a reading client takes as it comes is no reason), or
     * more than {@link #HARD_LIMIT} times as many in any case (memory stays bounded).
     */
    private boolean tooFarBehind(int waiting) {
        return waiting > maxQueued && (waiting > HARD_LIMIT * maxQueued
                || System.nanoTime() - lastWriteNanos > STALLED.toNanos());
    }

    private void slow() {
        LOG.info("event stream of chain {} disconnected: its client fell more than {} messages behind", chain,
                maxQueued);
        end(ChangeFeeds.Ended.TOO_SLOW);
    }

    /** Ends the stream off the caller's locks (the feed's, this stream's). */
    private void end(ChangeFeeds.Ended why) {
        if (!ending) {
            ending = true;
            queue.clear();
            held.clear();
            feeds.execute(() -> close(why));
        }
    }

    private void enqueue(FeedMessage message) {
        if (ending || !message.position().isAfter(lastQueued)) {
            return;
        }
        queue.add(new Out(message.bytes(), true));
        lastQueued = message.position();
        if (tooFarBehind(queue.size())) {
            slow();
        }
    }

    private void releaseHeld() {
        for (FeedMessage message : held) {
            enqueue(message);
        }
        held.clear();
    }

    private synchronized void write() {
        if (closed || ending || out == null) {
            return;
        }
        try {
            while (out.isReady()) {
                if (queue.isEmpty()) {
                    if (!unflushed) {
                        break;
                    }
                    unflushed = false;
                    out.flush();
                    continue;
                }
                out.write(take());
                unflushed = true;
                lastWriteNanos = System.nanoTime();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("event stream of chain {} could not write: {}", chain, e.toString());
            end(ChangeFeeds.Ended.CLIENT_GONE);
            return;
        }
        if (replaying && !replayRunning && queue.size() <= maxQueued / 2) {
            replayRunning = true;
            feeds.execute(this::replayNext);
        }
    }

    /** The queued messages, up to {@code WRITE_BYTES} of them at once, as one write (counted as sent). */
    private byte[] take() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int events = 0;
        while (!queue.isEmpty() && (bytes.size() == 0 || bytes.size() + queue.peek().bytes().length <= WRITE_BYTES)) {
            Out next = queue.poll();
            bytes.writeBytes(next.bytes());
            events += next.event() ? 1 : 0;
        }
        feeds.sent(events);
        return bytes.toByteArray();
    }

    /** One page of the replay, as large as the queue has room for; the live changes wait until it has caught up. */
    private void replayNext() {
        Position from;
        int room;
        synchronized (this) {
            replayRunning = true;
            if (closed) {
                return;
            }
            from = lastQueued;
            room = Math.max(1, Math.min(ChainFeed.READ_BATCH, maxQueued - queue.size()));
        }
        List<ChangeView> page;
        try {
            page = feeds.queries().changes(chain, filter, from, room);
        } catch (RuntimeException e) {
            LOG.warn("replaying the changes of chain {} to an event stream failed: {}", chain, e.toString());
            close(ChangeFeeds.Ended.ERROR);
            return;
        }
        synchronized (this) {
            replayRunning = false;
            if (closed || ending) {
                return;
            }
            boolean caughtUp = page.size() < room;
            for (ChangeView change : page) {
                if (change.position().isAfter(replayUpTo)) {
                    caughtUp = true;
                    break;
                }
                enqueue(FeedMessage.of(change));
            }
            if (caughtUp || lastQueued.compareTo(replayUpTo) >= 0) {
                replaying = false;
                releaseHeld();
            }
            write();
        }
    }
}
