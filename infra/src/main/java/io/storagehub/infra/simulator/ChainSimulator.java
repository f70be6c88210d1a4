package io.storagehub.infra.simulator;

import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a seeded generated chain ({@link ChainGenerator}) to a sink, in bulk ({@link #backfill}) or paced
 * ({@link #startLive}), and resumes where an earlier run stopped: with a state file, the seed and the count of
 * published events are stored after every flush, and a new simulator fast-forwards the same generator past
 * them. So a restart never republishes an old position with different content (at worst it resends the last
 * unflushed block, which the indexer skips as a true duplicate).
 */
public final class ChainSimulator implements AutoCloseable {
    public static final String DEFAULT_CHAIN = "devnet";
    public static final long DEFAULT_SEED = 42;
    private static final Logger LOG = LoggerFactory.getLogger(ChainSimulator.class);
    private static final int BULK_CHUNK = 5_000;
    private static final int LIVE_MAX_BLOCK = 500;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final ChainSource source;
    private final EventSink sink;
    private final Optional<Path> stateFile;
    private final AtomicLong publishedThisRun = new AtomicLong();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile SimulatorState state;
    private Thread live;

    private ChainSimulator(SimulatorState state, Iterator<Envelope> chain, EventSink sink, Optional<Path> stateFile) {
        this.state = state;
        this.source = new ChainSource(chain, state.emitted());
        this.sink = sink;
        this.stateFile = stateFile;
    }

    /**
     * A simulator of {@code chain} writing to {@code sink}. With a state file that exists, the stored chain and
     * seed are resumed ({@code seed}, if given, must match); otherwise the chain starts at its first event.
     */
    public static ChainSimulator open(String chain, OptionalLong seed, Optional<Path> stateFile, EventSink sink) {
        Optional<SimulatorState> stored = stateFile.flatMap(SimulatorState::load);
        SimulatorState state = stored.map(s -> checkResumable(s, chain, seed, stateFile.orElseThrow()))
                .orElseGet(() -> new SimulatorState(chain, seed.orElse(DEFAULT_SEED), 0));
        if (state.emitted() > 0) {
            LOG.info("Simulator resumes chain {} (seed {}) after {} published events", chain, state.seed(),
                    state.emitted());
        }
        return new ChainSimulator(state, ChainGenerator.of(chain, state.seed()), sink, stateFile);
    }

    private static SimulatorState checkResumable(SimulatorState s, String chain, OptionalLong seed, Path file) {
        if (!s.chain().equals(chain) || (seed.isPresent() && seed.getAsLong() != s.seed())) {
            throw new IllegalArgumentException("simulator state " + file + " holds chain " + s.chain() + " with seed "
                    + s.seed() + ", not chain " + chain + (seed.isPresent() ? " with seed " + seed.getAsLong() : "")
                    + ": use that chain and seed, or another data directory");
        }
        return s;
    }

    /** The chain, seed and total published events (earlier runs included). */
    public SimulatorState state() {
        return state;
    }

    /** Events published by this simulator (not counting earlier runs). */
    public long publishedThisRun() {
        return publishedThisRun.get();
    }

    /** Publishes the next {@code events} events as fast as the sink takes them; returns when all are flushed. */
    public synchronized void backfill(long events) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0, got " + events);
        }
        long remaining = events;
        while (remaining > 0) {
            List<Envelope> chunk = source.nextBlock((int) Math.min(remaining, BULK_CHUNK));
            sink.send(chunk);
            remaining -= chunk.size();
            if (source.position() - state.emitted() >= 10L * BULK_CHUNK || remaining == 0) {
                commit(source.position());
            }
        }
        LOG.info("Backfilled {} events of chain {} to {}", events, state.chain(), sink.describe());
    }

    /** Starts publishing block by block in the background at about {@code eventsPerSecond}. */
    public synchronized void startLive(double eventsPerSecond) {
        if (!(eventsPerSecond > 0)) {
            throw new IllegalArgumentException("eventsPerSecond must be > 0, got " + eventsPerSecond);
        }
        if (live != null) {
            throw new IllegalStateException("the live simulator already runs");
        }
        live = new Thread(() -> runLive(eventsPerSecond), "simulator-live");
        live.setDaemon(true);
        live.start();
        LOG.info("Simulating chain {} live at {} events/s to {}", state.chain(), eventsPerSecond, sink.describe());
    }

    private void runLive(double eventsPerSecond) {
        long started = System.nanoTime();
        long sent = 0;
        try {
            while (stopping.getCount() > 0) {
                List<Envelope> block = source.nextBlock(LIVE_MAX_BLOCK);
                publishWithRetry(block);
                sent += block.size();
                long dueNanos = started + (long) (sent * 1e9 / eventsPerSecond) - System.nanoTime();
                if (dueNanos > 0 && stopping.await(dueNanos, TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The live simulator stopped", e);
        }
    }

    private void publishWithRetry(List<Envelope> block) throws InterruptedException {
        while (true) {
            try {
                sink.send(block);
                commit(source.position());
                return;
            } catch (RuntimeException e) {
                LOG.warn("Publishing block {} failed, retrying: {}", block.get(0).block().number(), e.getMessage());
                if (stopping.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new InterruptedException("stopped while retrying");
                }
            }
        }
    }

    private void commit(long position) {
        sink.flush();
        publishedThisRun.addAndGet(position - state.emitted());
        state = state.withEmitted(position);
        stateFile.ifPresent(state::store);
    }

    /** Stops the live feed (if any), flushes, stores the state and closes the sink. */
    @Override
    public void close() {
        stopping.countDown();
        Thread thread;
        synchronized (this) {
            thread = live;
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            sink.flush();
        } finally {
            sink.close();
        }
    }
}
