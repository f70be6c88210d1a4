package io.storagehub.reliability.outage;

import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.child.Metrics;
import io.storagehub.reliability.support.Await;
import io.storagehub.reliability.support.HttpProbe;
import io.storagehub.reliability.support.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Watches an indexer process (and optionally the API) while a dependency is down: the process stays alive, its
 * readiness turns red, and from then on neither its records-read counter nor its group's committed offsets move;
 * the API answers chain requests with 503 only.
 */
final class OutageWatch {
    private final ChildIndexer child;
    private final Topics topics;
    private final String group;
    private final Optional<HttpProbe> api;
    private final String apiPath;
    private final Map<String, Integer> apiAnswers = new TreeMap<>();
    private long redAfterMillis = -1;
    private long counterMoves;
    private long offsetMoves;
    private int greenWhileDown;
    private int checks;
    private double maxCircuitState;
    private double retriesAtRed = -1;
    private double retriesAtEnd;

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
        long readAtRed = -1;
        Map<Integer, Long> offsetsAtRed = null;
        while (System.nanoTime() - end < 0) {
            checks++;
            if (!child.alive()) {
                throw new AssertionError("the indexer exited during the outage:\n" + child.log().tail(40));
            }
            int ready = child.status("/ready").orElse(-1);
            Metrics metrics = child.metrics();
            if (ready == 503 && redAfterMillis < 0) {
                redAfterMillis = (System.nanoTime() - downSince) / 1_000_000;
                readAtRed = metrics.recordsRead();
                retriesAtRed = metrics.value("storagehub_indexer_retries_total{component=\"postgres\"}");
                offsetsAtRed = offsetsReadable ? topics.groupOffsets(group) : null;
            } else if (redAfterMillis >= 0) {
                greenWhileDown += ready == 200 ? 1 : 0;
                counterMoves += metrics.recordsRead() != readAtRed ? 1 : 0;
                if (offsetsAtRed != null && !topics.groupOffsets(group).equals(offsetsAtRed)) {
                    offsetMoves++;
                }
            }
            maxCircuitState = Math.max(maxCircuitState,
                    metrics.value("storagehub_indexer_circuit_breaker_state{name=\"postgres\"}"));
            retriesAtEnd = metrics.value("storagehub_indexer_retries_total{component=\"postgres\"}");
            api.ifPresent(http -> {
                apiAnswers.merge("chain " + http.status(apiPath), 1, Integer::sum);
                apiAnswers.merge("ready " + http.status("/ready"), 1, Integer::sum);
                apiAnswers.merge("health " + http.status("/health"), 1, Integer::sum);
            });
            Await.pause();
        }
    }

    long redAfterMillis() {
        return redAfterMillis;
    }

    /** Probes after readiness turned red in which the records-read counter differed from its value then. */
    long counterMoves() {
        return counterMoves;
    }

    long offsetMoves() {
        return offsetMoves;
    }

    int greenWhileDown() {
        return greenWhileDown;
    }

    int checks() {
        return checks;
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

    /** API answers to chain requests that were not 503 (should be none once the database is gone). */
    int apiNot503() {
        return apiAnswers.entrySet().stream().filter(e -> e.getKey().startsWith("chain ")
                && !e.getKey().equals("chain 503")).mapToInt(Map.Entry::getValue).sum();
    }
}
