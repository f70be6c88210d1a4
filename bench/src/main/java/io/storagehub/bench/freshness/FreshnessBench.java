package io.storagehub.bench.freshness;

import io.storagehub.bench.env.IndexerJvm;
import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.env.Services;
import io.storagehub.bench.live.Backlog;
import io.storagehub.bench.live.CommitClock;
import io.storagehub.bench.live.FeedLag;
import io.storagehub.bench.load.PacedBlocks;
import io.storagehub.bench.load.Topics;
import io.storagehub.bench.query.ApiProcess;
import io.storagehub.bench.report.Percentiles;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.kafka.EventFeed;
import io.storagehub.testkit.process.ChildJvm;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freshness: the live indexer and the query API running, the chain continued at a steady rate (whole blocks,
 * paced), and for sampled blocks a long-poll {@code ?minBlock=<block>&waitMs=10000} started as the block is sent;
 * its answer marks the block visible. What the topic holds is applied before the feed starts; the indexer and the
 * API then start cold (JIT, connections), so the measured window opens after a warm-up: at least
 * {@link #WARMUP_SECONDS}, and until the indexer keeps up with the feed ({@link FeedLag}), at most
 * {@link #MAX_WARMUP_SECONDS}.
 */
public final class FreshnessBench {
    private static final Logger log = LoggerFactory.getLogger(FreshnessBench.class);
    private static final long SAMPLE_EVERY_NANOS = 50_000_000L;
    private static final int WARMUP_SECONDS = 10;
    /**
     * Measuring starts after this long even if the indexer never kept up with the feed. A cold indexer falls behind
     * during its first seconds; with its headroom over the feed's rate it takes tens of seconds to drain that queue,
     * and a bound too close to that time decides by chance whether the window measures the steady state or the
     * queue's tail.
     */
    public static final int MAX_WARMUP_SECONDS = 180;
    /** Statements reported, those that took the most server time in the measured window. */
    private static final int STATEMENTS = 12;

    private final Services services;
    private final Path workDir;
    private final String chain;

    public FreshnessBench(Services services, Path workDir, String chain) {
        this.services = services;
        this.workDir = workDir;
        this.chain = chain;
    }

    public FreshnessResult run(ChainGenerator generator, int rate, int seconds) throws Exception {
        Map<String, String> env = services.indexerEnv("bench-live");
        try (ChildJvm indexer = ChildJvm.builder("indexer (live)", "io.storagehub.indexer.cli.IndexerCli")
                .jvmArgs(IndexerJvm.RUN).args("run").env(env).logFile(workDir.resolve("live-indexer.log")).start();
             ApiProcess api = ApiProcess.start(services, workDir.resolve("freshness-api.log"), Map.of());
             CommitClock clock = CommitClock.start(services.pg(), services.schema(), chain);
             EventFeed feed = new EventFeed(services.kafkaBootstrap(), services.topic(), "storagehub-bench-live",
                     EventFeed.Pace.LIVE)) {
            // records the previous phases left unapplied are applied first: the feed starts from no backlog
            long backlog = Backlog.awaitApplied(services, indexer,
                    Topics.endOffset(services.kafkaBootstrap(), services.topic()), "freshness");
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<?>> pending = new ArrayList<>();
            int[] failures = {0};
            PacedBlocks blocks = new PacedBlocks(generator, rate);
            FeedLag lag = new FeedLag(clock);
            long start = blocks.start();
            long end = Long.MAX_VALUE;
            long measureFrom = Long.MAX_VALUE;
            long sentMeasured = 0;
            long lastSample = 0;
            BatchMetrics before = null;
            while (System.nanoTime() < end) {
                indexer.checkAlive();
                List<Envelope> block = blocks.next();
                long number = block.get(0).block().number();
                long sentAt = System.nanoTime();
                feed.publish(block);
                if (measureFrom == Long.MAX_VALUE) {
                    Envelope last = block.get(block.size() - 1);
                    boolean keepsUp = lag.sent(sentAt, new Position(last.block().number(), last.index()));
                    long warm = sentAt - start;
                    if (warm >= TimeUnit.SECONDS.toNanos(WARMUP_SECONDS) && keepsUp
                            || warm >= TimeUnit.SECONDS.toNanos(MAX_WARMUP_SECONDS)) {
                        measureFrom = sentAt;
                        end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
                        log.info("freshness: measuring after a warm-up of {} s ({})", warm / 1e9, keepsUp
                                ? "the indexer keeps up with the feed"
                                : "its " + MAX_WARMUP_SECONDS + " s bound reached, the indexer not keeping up");
                    }
                }
                if (sentAt >= measureFrom) {
                    sentMeasured += block.size();
                    if (before == null) {
                        before = metrics(api, indexer);
                        PgStatements.reset(services.pg());
                    }
                }
                if (sentAt - lastSample >= SAMPLE_EVERY_NANOS) {
                    lastSample = sentAt;
                    boolean measured = sentAt >= measureFrom;
                    HttpRequest request = HttpRequest.newBuilder(api.uri("/v1/chains/" + chain
                            + "/msps?limit=1&minBlock=" + number + "&waitMs=10000"))
                            .timeout(Duration.ofSeconds(15)).build();
                    pending.add(api.client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .whenComplete((response, error) -> {
                                double ms = (System.nanoTime() - sentAt) / 1e6;
                                if (!measured) {
                                    return;
                                }
                                if (error != null || response.statusCode() != 200) {
                                    synchronized (failures) {
                                        failures[0]++;
                                    }
                                } else {
                                    latencies.add(ms);
                                }
                            }));
                }
            }
            double achieved = sentMeasured / (double) seconds;
            feed.flush();
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).handle((v, e) -> v)
                    .get(30, TimeUnit.SECONDS);
            BatchMetrics batches = metrics(api, indexer).minus(before);
            List<PgStatements.Statement> statements = PgStatements.top(services.pg(), STATEMENTS);
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            log.info("freshness: {} samples, {} failures, p50 {} ms, p99 {} ms", sorted.size(), failures[0],
                    Percentiles.of(sorted, 0.5), Percentiles.of(sorted, 0.99));
            return new FreshnessResult(rate, achieved, seconds, sorted.size(), failures[0], Percentiles.of(sorted, 0.5),
                    Percentiles.of(sorted, 0.9), Percentiles.of(sorted, 0.99),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), batches, statements,
                    new FreshnessResult.Warmup(backlog, (measureFrom - start) / 1e9, lag.caughtUp()));
        }
    }

    private static BatchMetrics metrics(ApiProcess api, ChildJvm indexer) throws Exception {
        int port = BatchMetrics.port(indexer.logFile())
                .orElseThrow(() -> new IllegalStateException("no httpPort in " + indexer.logFile()));
        return BatchMetrics.scrape(api.client(), port);
    }
}
