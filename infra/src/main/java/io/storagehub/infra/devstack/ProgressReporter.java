package io.storagehub.infra.devstack;

import io.storagehub.projection.StorageQueries;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints a progress line every few seconds and, once the first MSP with a bucket holding files is indexed,
 * example {@code curl} commands with its real ids.
 */
final class ProgressReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    private final StatusProbe probe;
    private final StorageQueries queries;
    private final String chain;
    private final String apiBase;
    private final PrintStream out;
    private final ScheduledExecutorService timer;
    private StackStatus previous;
    private long previousNanos;
    private boolean examplesShown;

    ProgressReporter(StatusProbe probe, StorageQueries queries, String chain, String apiBase, PrintStream out) {
        this.probe = probe;
        this.queries = queries;
        this.chain = chain;
        this.apiBase = apiBase;
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devstack-progress");
            t.setDaemon(true);
            return t;
        });
    }

    void start(Duration every) {
        timer.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            StackStatus status = probe.sample();
            out.println(status.line(chain, previous, (now - previousNanos) / 1e9));
            previous = status;
            previousNanos = now;
            if (!examplesShown) {
                Optional<ExampleIds> ids = ExampleIds.find(queries, chain);
                if (ids.isPresent()) {
                    examplesShown = true;
                    out.println();
                    out.println("Try the API with ids from the indexed chain:");
                    Examples.commands(apiBase, ids.get()).forEach(c -> out.println("  " + c));
                    out.println();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("progress not available: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
