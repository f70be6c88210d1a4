package io.storagehub.bench.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.bench.env.CpuClock;
import io.storagehub.bench.env.IndexerJvm;
import io.storagehub.bench.env.Services;
import io.storagehub.bench.live.Backlog;
import io.storagehub.bench.live.CommitClock;
import io.storagehub.bench.live.FeedLag;
import io.storagehub.bench.env.Sql;
import io.storagehub.bench.load.PacedBlocks;
import io.storagehub.bench.load.Topics;
import io.storagehub.bench.query.ApiProcess;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.kafka.EventFeed;
import io.storagehub.testkit.process.ChildJvm;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import io.storagehub.bench.report.Percentiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live change stream under many subscribers: the live indexer and the query API running, {@code filtered}
 * server-sent-events clients each following {@code GET /changes?bucket=<one bucket>} and {@code unfiltered} clients
 * following every change, all resuming from the same position, while the chain continues at a steady rate. Each
 * delivery is timed from the commit of the batch that holds the change ({@link CommitClock}); afterwards every
 * subscriber's stream is compared with the JSON pages of the same filter: nothing missing, repeated or out of order.
 */
public final class StreamBench {
    private static final Logger log = LoggerFactory.getLogger(StreamBench.class);
    /**
     * The warm-up lasts at least this long, and until the indexer keeps up with the feed ({@link FeedLag}) and
     * deliveries are timely ({@link #TIMELY_MS}).
     */
    private static final int WARMUP_SECONDS = 10;
    /**
     * The goal's delivery bound: a delivery is timely when it arrives within this many ms of the commit of its
     * change (the goal is a p99 within it).
     */
    private static final long TIMELY_MS = 250;
    /** Deliveries are timely once every sampled delivery over this last span was, and there was at least one. */
    private static final long TIMELY_SPAN_MS = 1_000;
    /** During the warm-up, the sampled subscribers' recent deliveries are inspected at most this often. */
    private static final long TIMELY_CHECK_MS = 250;
    /** The warm-up samples every unfiltered subscriber and every this-many-th filtered one. */
    private static final int FILTERED_SAMPLE_EVERY = 50;
    /** Measuring starts after this long even if the indexer never kept up or deliveries never were timely. */
    private static final int MAX_WARMUP_SECONDS = 60;
    /** HTTP clients the subscribers are spread over (each reads its connections on one selector thread). */
    private static final int CLIENTS = 8;
    /** The API's subscriber limit for the run: above the benchmark's subscribers. */
    static final String SUBSCRIBER_LIMIT_KEY = "STORAGEHUB_API_STREAM_MAX_SUBSCRIBERS";

    private final Services services;
    private final Path workDir;
    private final String chain;
    private final ObjectMapper json = new ObjectMapper();

    public StreamBench(Services services, Path workDir, String chain) {
        this.services = services;
        this.workDir = workDir;
        this.chain = chain;
    }

    public StreamResult run(ChainGenerator generator, int rate, int seconds, int filtered, int unfiltered)
            throws Exception {
        Map<String, String> env = services.indexerEnv("bench-live");
        int limit = filtered + unfiltered + 100;
        // several clients: one java.net.http client reads all its connections on one selector thread
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        }
        List<Subscriber> subscribers = new ArrayList<>();
        try (ChildJvm indexer = ChildJvm.builder("indexer (stream)", "io.storagehub.indexer.cli.IndexerCli")
                .jvmArgs(IndexerJvm.RUN).args("run").env(env).logFile(workDir.resolve("stream-indexer.log")).start();
             ApiProcess api = ApiProcess.start(services, workDir.resolve("stream-api.log"),
                     Map.of(SUBSCRIBER_LIMIT_KEY, Integer.toString(limit)));
             CommitClock clock = CommitClock.start(services.pg(), services.schema(), chain);
             EventFeed feed = new EventFeed(services.kafkaBootstrap(), services.topic(), "storagehub-bench-stream",
                     EventFeed.Pace.LIVE)) {
            // records the previous phases left unapplied (the freshness phase can feed faster than the indexer
            // applies) are applied first: the feed and its warm-up start from an indexer with no backlog
            long backlog = Topics.endOffset(services.kafkaBootstrap(), services.topic());
            long drainStart = System.nanoTime();
            long backlogEvents = Backlog.awaitApplied(services, indexer, backlog, "stream");
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            Position from = clock.position();
            List<String> buckets = busyBuckets(filtered);
            if (buckets.isEmpty()) {
                throw new IllegalStateException("the read model has no live bucket to follow");
            }
            // one bucket per subscriber; where the chain has fewer live buckets than subscribers, buckets are
            // followed by several subscribers each (most recently changed first)
            for (int i = 0; i < filtered; i++) {
                subscribers.add(Subscriber.open(clients.get(i % CLIENTS), api.base(), chain, from, "bucket-" + i,
                        "bucket=" + URLEncoder.encode(buckets.get(i % buckets.size()), StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < unfiltered; i++) {
                subscribers.add(Subscriber.open(clients.get(i % CLIENTS), api.base(), chain, from, "all-" + i, ""));
            }
            int connected = awaitConnected(subscribers);
            log.info("stream: {} of {} subscribers connected from {}", connected, subscribers.size(), from);

            PacedBlocks blocks = new PacedBlocks(generator, rate);
            // the indexer and the API start cold: the measured window opens once the indexer keeps up with the feed
            // and the API delivers on time
            List<Subscriber> sample = new ArrayList<>();
            for (int i = 0; i < subscribers.size(); i++) {
                if (i >= filtered || i % FILTERED_SAMPLE_EVERY == 0) {
                    sample.add(subscribers.get(i));
                }
            }
            Warmup warmup = new Warmup(clock, sample, blocks.start());
            long measureFrom = Long.MAX_VALUE;
            long end = Long.MAX_VALUE;
            long sentMeasured = 0;
            double cpuBefore = Double.NaN;
            while (System.nanoTime() < end) {
                indexer.checkAlive();
                List<Envelope> block = blocks.next();
                long sentAt = System.nanoTime();
                feed.publish(block);
                if (measureFrom == Long.MAX_VALUE) {
                    Envelope last = block.get(block.size() - 1);
                    if (warmup.over(sentAt, new Position(last.block().number(), last.index()))) {
                        measureFrom = sentAt;
                        end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
                        log.info("stream: measuring after a warm-up of {} s ({})", warmup.seconds(sentAt),
                                warmup.state());
                    }
                }
                if (sentAt >= measureFrom) {
                    if (Double.isNaN(cpuBefore)) {
                        cpuBefore = CpuClock.seconds(api.pid());
                    }
                    sentMeasured += block.size();
                }
            }
            double apiCpu = CpuClock.seconds(api.pid()) - cpuBefore;
            feed.flush();
            Backlog.awaitApplied(services, indexer, Topics.endOffset(services.kafkaBootstrap(), services.topic()), "stream");
            Position to = clock.position();
            Thread.sleep(2_000); // the last notifications' deliveries
            subscribers.forEach(Subscriber::close);
            return verdict(api, clock, subscribers, filtered, buckets.size(), unfiltered, connected, from, to,
                    measureFrom, rate, sentMeasured / (double) seconds, seconds, apiCpu,
                    warmup.seconds(measureFrom), warmup.caughtUp(), warmup.deliveriesTimely(), backlogEvents,
                    drainSeconds);
        } finally {
            subscribers.forEach(Subscriber::close);
        }
    }

    private StreamResult verdict(ApiProcess api, CommitClock clock, List<Subscriber> subscribers, int filtered,
                                 int buckets, int unfiltered, int connected, Position from, Position to,
                                 long measureFrom, int rate, double achieved, int seconds, double apiCpu,
                                 double warmupSeconds, boolean caughtUp, boolean deliveriesTimely,
                                 long backlogEvents, double backlogSeconds) throws Exception {
        List<Double> latencies = new ArrayList<>();
        List<Double> filteredLatencies = new ArrayList<>();
        StringBuilder timeline = new StringBuilder("committed_ms,latency_ms,subscriber\n");
        List<Double> unfilteredLatencies = new ArrayList<>();
        long expectedTotal = 0;
        long missing = 0;
        long repeated = 0;
        long outOfOrder = 0;
        long unexpected = 0;
        int disconnected = 0;
        long inRun = 0;
        for (Subscriber s : subscribers) {
            if (s.endedBy() != null) {
                disconnected++;
                log.warn("stream {} ended early: {}", s.name(), s.endedBy());
            }
            List<Position> expected = expected(api, s.filterQuery(), from, to);
            expectedTotal += expected.size();
            Set<Position> expectedSet = new HashSet<>(expected);
            Set<Position> seen = new HashSet<>();
            Position last = from;
            for (Subscriber.Received r : s.received()) {
                if (r.position().compareTo(to) > 0) {
                    continue;
                }
                if (!seen.add(r.position())) {
                    repeated++;
                    continue;
                }
                if (r.position().compareTo(last) <= 0) {
                    outOfOrder++;
                }
                last = r.position();
                if (!expectedSet.contains(r.position())) {
                    unexpected++;
                }
                long committed = clock.committedAt(r.position());
                if (committed >= measureFrom) {
                    double ms = Math.max(0, r.nanos() - committed) / 1e6;
                    timeline.append((committed - measureFrom) / 1_000_000).append(',').append(ms).append(',')
                            .append(s.filterQuery().isEmpty() ? "all" : "bucket").append('\n');
                    latencies.add(ms);
                    (s.filterQuery().isEmpty() ? unfilteredLatencies : filteredLatencies).add(ms);
                }
            }
            for (Position p : expected) {
                if (!seen.contains(p)) {
                    missing++;
                }
            }
            if (s.filterQuery().isEmpty() && inRun == 0) {
                inRun = expected.size();
            }
        }
        // every timed delivery, by the time its change committed (after the warm-up): where a tail comes from
        Files.writeString(workDir.resolve("stream-deliveries.csv"), timeline);
        Collections.sort(latencies);
        Collections.sort(filteredLatencies);
        Collections.sort(unfilteredLatencies);
        log.info("stream: {} deliveries timed, p50 {} ms, p99 {} ms; {} missing, {} repeated, {} out of order, "
                        + "{} unexpected, {} disconnected", latencies.size(), Percentiles.of(latencies, 0.5),
                Percentiles.of(latencies, 0.99), missing, repeated, outOfOrder, unexpected, disconnected);
        return new StreamResult(rate, achieved, seconds, backlogEvents, backlogSeconds, warmupSeconds, caughtUp,
                deliveriesTimely, filtered, buckets, unfiltered,
                connected, latencies.size(), expectedTotal, missing, repeated, outOfOrder, unexpected, disconnected,
                Percentiles.of(latencies, 0.5),
                Percentiles.of(latencies, 0.9), Percentiles.of(latencies, 0.99),
                latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1), apiCpu, inRun,
                new StreamResult.Group(filteredLatencies.size(), Percentiles.of(filteredLatencies, 0.5),
                        Percentiles.of(filteredLatencies, 0.99)),
                new StreamResult.Group(unfilteredLatencies.size(), Percentiles.of(unfilteredLatencies, 0.5),
                        Percentiles.of(unfilteredLatencies, 0.99)));
    }

    /** The positions of the filter's changes in (from, to], read as JSON pages. */
    private List<Position> expected(ApiProcess api, String filterQuery, Position from, Position to)
            throws Exception {
        List<Position> positions = new ArrayList<>();
        Position after = from;
        while (true) {
            HttpResponse<String> page = api.client().send(HttpRequest.newBuilder(api.uri("/v1/chains/" + chain
                            + "/changes?limit=1000&after=" + after + (filterQuery.isEmpty() ? "" : "&" + filterQuery)))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("GET /changes answered " + page.statusCode() + ": " + page.body());
            }
            JsonNode items = json.readTree(page.body()).path("items");
            if (items.isEmpty()) {
                return positions;
            }
            for (JsonNode item : items) {
                Position p = new Position(item.path("position").path("block").asLong(),
                        item.path("position").path("index").asLong());
                if (p.compareTo(to) > 0) {
                    return positions;
                }
                positions.add(p);
                after = p;
            }
        }
    }

    /** Buckets not deleted, most recently changed first: those the continuing chain is likeliest to touch. */
    private List<String> busyBuckets(int count) throws SQLException {
        try (Connection c = services.pg().connect();
             PreparedStatement ps = c.prepareStatement("SELECT bucket_id FROM " + services.schema()
                     + ".bucket WHERE chain = ? AND NOT deleted ORDER BY updated_block DESC, updated_index DESC LIMIT ?")) {
            ps.setString(1, chain);
            ps.setInt(2, count);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /**
     * When the measured window opens: at least {@link #WARMUP_SECONDS} after the feed started, once both the indexer
     * keeps up with the feed (every block sent {@link FeedLag#CAUGHT_UP_MS} or longer ago has committed) and deliveries are
     * timely (over the last {@link #TIMELY_SPAN_MS}, the sampled subscribers received at least one change and each
     * within {@link #TIMELY_MS} of its commit; inspected at most every {@link #TIMELY_CHECK_MS}), or after
     * {@link #MAX_WARMUP_SECONDS} regardless.
     */
    private static final class Warmup {
        private final CommitClock clock;
        private final List<Subscriber> sample;
        private final long start;
        private final FeedLag lag;
        private boolean caughtUp;
        private Timeliness lastSpan;
        private long inspectedAt;

        Warmup(CommitClock clock, List<Subscriber> sample, long start) {
            this.clock = clock;
            this.sample = sample;
            this.start = start;
            this.lag = new FeedLag(clock);
        }

        /** Whether the window opens with the block that ends at {@code last}, sent at {@code sentAt}. */
        boolean over(long sentAt, Position last) {
            caughtUp = lag.sent(sentAt, last);
            if (sentAt - start < TimeUnit.SECONDS.toNanos(WARMUP_SECONDS)) {
                return false;
            }
            if (lastSpan == null || sentAt - inspectedAt >= TimeUnit.MILLISECONDS.toNanos(TIMELY_CHECK_MS)) {
                lastSpan = deliveriesSince(sentAt - TimeUnit.MILLISECONDS.toNanos(TIMELY_SPAN_MS));
                inspectedAt = sentAt;
            }
            return caughtUp && lastSpan.timely() || sentAt - start >= TimeUnit.SECONDS.toNanos(MAX_WARMUP_SECONDS);
        }

        private Timeliness deliveriesSince(long since) {
            Timeliness timeliness = new Timeliness(TimeUnit.MILLISECONDS.toNanos(TIMELY_MS));
            for (Subscriber s : sample) {
                for (Subscriber.Received r : s.receivedSince(since)) {
                    timeliness.add(r.nanos(), clock.committedAt(r.position()));
                }
            }
            return timeliness;
        }

        /** Whether the indexer kept up with the feed when last checked. */
        boolean caughtUp() {
            return caughtUp;
        }

        /** Whether the sampled deliveries were timely when last inspected. */
        boolean deliveriesTimely() {
            return lastSpan != null && lastSpan.timely();
        }

        /** Whether the window opened at the bound and which condition was not met then, in words, for the log. */
        String state() {
            String deliveries = lastSpan == null ? "sampled deliveries not inspected"
                    : "sampled deliveries over the last " + TIMELY_SPAN_MS + " ms: " + lastSpan.summary();
            if (caughtUp && deliveriesTimely()) {
                return "the indexer keeps up with the feed and deliveries are timely; " + deliveries;
            }
            List<String> unmet = new ArrayList<>();
            if (!caughtUp) {
                unmet.add("the indexer not keeping up with the feed");
            }
            if (!deliveriesTimely()) {
                unmet.add("deliveries not yet timely");
            }
            return "its " + MAX_WARMUP_SECONDS + " s bound reached with " + String.join(" and ", unmet) + "; "
                    + deliveries;
        }

        double seconds(long at) {
            return (at - start) / 1e9;
        }
    }

    private static int awaitConnected(List<Subscriber> subscribers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long ready = subscribers.stream().filter(s -> s.status() >= 0 || s.endedBy() != null).count();
            if (ready == subscribers.size()) {
                break;
            }
            Thread.sleep(100);
        }
        int connected = 0;
        for (Subscriber s : subscribers) {
            if (s.status() == 200) {
                connected++;
            } else {
                log.warn("stream {} not connected: status {} {}", s.name(), s.status(),
                        s.endedBy() == null ? "" : s.endedBy());
            }
        }
        return connected;
    }
}
