package io.storagehub.reliability.outage;

import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.child.Metrics;
import io.storagehub.reliability.support.HttpProbe;
import io.storagehub.reliability.support.Topics;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Watches an indexer process (and optionally the API) while a dependency is down, with three probes running side
 * by side until the outage ends: the indexer's readiness (it must turn red and stay red), its counters and its
 * group's committed offsets (from the moment it is red, neither may move), and the API (chain requests 503,
 * {@code /ready} 503, {@code /health} 200). The process must stay alive throughout.
 */
final class OutageWatch {
    private final ChildIndexer child;
    private final Topics topics;
    private final String group;
    private final Optional<HttpProbe> api;
    private final String apiPath;
    private final Map<String, Integer> apiAnswers = new ConcurrentHashMap<>();
    private final AtomicLong redAfterMillis = new AtomicLong(-1);
    private final AtomicInteger readinessProbes = new AtomicInteger();
    private final AtomicInteger counterProbes = new AtomicInteger();
    private final AtomicInteger greenWhileDown = new AtomicInteger();
    private final AtomicInteger counterMoves = new AtomicInteger();
    private final AtomicInteger offsetMoves = new AtomicInteger();
    private volatile double maxCircuitState;
    private volatile double retriesAtRed = -1;
    private volatile double retriesAtEnd;

    OutageWatch(ChildIndexer child, Topics topics, String group, Optional<HttpProbe> api, String apiPath) {
        this.child = child;
        this.topics = topics;
        this.group = group;
        this.api = api;
        this.apiPath = apiPath;
    }

    /** Probes until {@code duration} has passed since {@code downSince} (a {@link System#nanoTime()}). */
    void watch(long downSince, Duration duration, boolean offsetsReadable) {
        long end = downSince + duration.toNanos();
        ExecutorService probes = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> loop(end, () -> readiness(downSince)), probes),
                    CompletableFuture.runAsync(() -> loop(end, countersProbe(offsetsReadable)), probes),
                    CompletableFuture.runAsync(() -> loop(end, this::apiProbe), probes)).join();
        } finally {
            probes.shutdownNow();
        }
    }

    private void loop(long end, BooleanSupplier probe) {
        while (System.nanoTime() - end < 0 && probe.getAsBoolean()) {
            if (!child.alive()) {
                throw new AssertionError("the indexer exited during the outage:\n" + child.log().tail(40));
            }
            Wait.pause();
        }
    }

    private boolean readiness(long downSince) {
        readinessProbes.incrementAndGet();
        int ready = child.status("/ready").orElse(-1);
        if (redAfterMillis.get() < 0) {
            if (ready == 503) {
                redAfterMillis.set((System.nanoTime() - downSince) / 1_000_000);
            }
        } else if (ready == 200) {
            greenWhileDown.incrementAndGet();
        }
        return true;
    }

    private BooleanSupplier countersProbe(boolean offsetsReadable) {
        long[] readAtRed = {-1};
        Object[] offsetsAtRed = {null};
        return () -> {
            Metrics metrics = child.metrics();
            maxCircuitState = Math.max(maxCircuitState,
                    metrics.value("storagehub_indexer_circuit_breaker_state{name=\"postgres\"}"));
            retriesAtEnd = metrics.value("storagehub_indexer_retries_total{component=\"postgres\"}");
            if (redAfterMillis.get() < 0) {
                return true;
            }
            counterProbes.incrementAndGet();
            Map<Integer, Long> offsets = offsetsReadable ? topics.groupOffsets(group) : Map.of();
            if (readAtRed[0] < 0) {
                readAtRed[0] = metrics.recordsRead();
                offsetsAtRed[0] = offsets;
                retriesAtRed = retriesAtEnd;
            } else {
                counterMoves.addAndGet(metrics.recordsRead() != readAtRed[0] ? 1 : 0);
                offsetMoves.addAndGet(offsets.equals(offsetsAtRed[0]) ? 0 : 1);
            }
            return true;
        };
    }

    private boolean apiProbe() {
        api.ifPresent(http -> {
            for (String path : List.of(apiPath, "/ready", "/health")) {
                String name = path.equals(apiPath) ? "chain" : path.substring(1);
                apiAnswers.merge(name + " " + http.status(path), 1, Integer::sum);
            }
        });
        return api.isPresent();
    }

    long redAfterMillis() {
        return redAfterMillis.get();
    }

    /** Probes after readiness turned red in which the records-read counter differed from its value then. */
    long counterMoves() {
        return counterMoves.get();
    }

    long offsetMoves() {
        return offsetMoves.get();
    }

    int greenWhileDown() {
        return greenWhileDown.get();
    }

    /** Readiness probes, and counter probes made while readiness was red. */
    Map<String, Integer> probes() {
        return Map.of("readiness", readinessProbes.get(), "countersWhileRed", counterProbes.get());
    }

    Map<String, Integer> apiAnswers() {
        return Map.copyOf(apiAnswers);
    }

    double maxCircuitState() {
        return maxCircuitState;
    }

    double retriesDuringOutage() {
        return retriesAtRed < 0 ? 0 : retriesAtEnd - retriesAtRed;
    }

    /** API answers to chain requests that were a 5xx other than 503 (500s and the like). */
    int apiUnexpected5xx() {
        return apiAnswers.entrySet().stream().filter(e -> e.getKey().startsWith("chain 5")
                && !e.getKey().equals("chain 503")).mapToInt(Map.Entry::getValue).sum();
    }

    /** API answers to chain requests that were not 503 (there must be none once the database is gone). */
    int apiNot503() {
        return apiAnswers.entrySet().stream().filter(e -> e.getKey().startsWith("chain ")
                && !e.getKey().equals("chain 503")).mapToInt(Map.Entry::getValue).sum();
    }
}
