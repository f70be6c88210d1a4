package io.storagehub.indexer.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.storagehub.indexer.retry.Resilience;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The indexer's meters. Prometheus names: {@code storagehub_indexer_records_total{outcome}},
 * {@code storagehub_indexer_records_read_total}, {@code storagehub_indexer_batch_size},
 * {@code storagehub_indexer_batch_duration_seconds}, {@code storagehub_indexer_batch_apply_seconds},
 * {@code storagehub_indexer_batch_write_seconds}, {@code storagehub_indexer_consumer_lag{topic,partition}},
 * {@code storagehub_indexer_last_block{chain}}, {@code storagehub_indexer_lag_seconds{chain}},
 * {@code storagehub_indexer_retries_total{component}},
 * {@code storagehub_indexer_dlq_published_total}, {@code storagehub_indexer_circuit_breaker_state{name}}.
 */
public final class IndexerMetrics {
    public static final String APPLIED = "applied";
    public static final String SKIPPED_NOT_PROJECTED = "skipped_not_projected";
    public static final String SKIPPED_DUPLICATE = "skipped_duplicate";
    public static final String DEAD_LETTERED = "dead_lettered";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter applied;
    private final Counter notProjected;
    private final Counter duplicate;
    private final Counter deadLettered;
    private final Counter read;
    private final Counter dlqPublished;
    private final DistributionSummary batchSize;
    private final Timer batchDuration;
    private final Timer batchApply;
    private final Timer batchWrite;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastBlocks = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Instant>> blockTimes = new ConcurrentHashMap<>();

    private final AtomicLong[] replay = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(),
        new AtomicLong()};
    private volatile boolean replayRegistered;

    public IndexerMetrics(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    /** {@code clock} tells the time lag gauges measure to. */
    public IndexerMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.applied = outcome(APPLIED);
        this.notProjected = outcome(SKIPPED_NOT_PROJECTED);
        this.duplicate = outcome(SKIPPED_DUPLICATE);
        this.deadLettered = outcome(DEAD_LETTERED);
        this.read = Counter.builder("storagehub.indexer.records.read")
                .description("Records read and accounted for in committed batches").register(registry);
        this.dlqPublished = Counter.builder("storagehub.indexer.dlq.published")
                .description("Dead letters published to the dead-letter topic").register(registry);
        this.batchSize = DistributionSummary.builder("storagehub.indexer.batch.size")
                .description("Records per committed batch").register(registry);
        this.batchDuration = Timer.builder("storagehub.indexer.batch.duration")
                .description("Time to apply and commit one batch, retries included").register(registry);
        this.batchApply = Timer.builder("storagehub.indexer.batch.apply")
                .description("Time to apply one batch in memory ahead of its write (polling thread)")
                .register(registry);
        this.batchWrite = Timer.builder("storagehub.indexer.batch.write")
                .description("Time to write and commit one batch applied ahead (writer thread)").register(registry);
    }

    private Counter outcome(String outcome) {
        return Counter.builder("storagehub.indexer.records").tag("outcome", outcome)
                .description("Records by outcome; the outcomes add up to records read").register(registry);
    }

    /** A committed batch. */
    public void batch(OutcomeCounts counts, Duration latency) {
        applied.increment(counts.applied());
        notProjected.increment(counts.skippedNotProjected());
        duplicate.increment(counts.skippedDuplicate());
        deadLettered.increment(counts.deadLettered());
        read.increment(counts.total());
        batchSize.record(counts.total());
        batchDuration.record(latency);
    }

    /** A batch applied in memory ahead of its write, in {@code time}. */
    public void batchApplied(Duration time) {
        batchApply.record(time);
    }

    /** A batch applied ahead written and committed (or not) in {@code time}. */
    public void batchWritten(Duration time) {
        batchWrite.record(time);
    }

    /**
     * A replay's progress (a rebuild, a first sync): records applied, records left, the share done (0..1), the
     * recent rate and the estimated seconds left (-1: unknown).
     */
    public void replay(long records, long remaining, double done, double ratePerSecond, long etaSeconds) {
        replay[0].set(records);
        replay[1].set(remaining);
        replay[2].set(Double.doubleToLongBits(done));
        replay[3].set(Double.doubleToLongBits(ratePerSecond));
        replay[4].set(etaSeconds);
        if (!replayRegistered) {
            replayRegistered = true;
            Gauge.builder("storagehub.indexer.replay.records", replay[0], AtomicLong::get)
                    .description("Records a rebuild or first sync has applied").register(registry);
            Gauge.builder("storagehub.indexer.replay.remaining.records", replay[1], AtomicLong::get)
                    .description("Records a rebuild or first sync has left to apply").register(registry);
            Gauge.builder("storagehub.indexer.replay.progress.ratio", replay[2],
                    v -> Double.longBitsToDouble(v.get())).description("Share of a replay done, 0..1")
                    .register(registry);
            Gauge.builder("storagehub.indexer.replay.rate", replay[3], v -> Double.longBitsToDouble(v.get()))
                    .description("Records per second a replay applied lately").register(registry);
            Gauge.builder("storagehub.indexer.replay.eta.seconds", replay[4], AtomicLong::get)
                    .description("Estimated seconds a replay has left; -1 unknown").register(registry);
        }
    }

    public void lag(String topic, int partition, long lag) {
        lags.computeIfAbsent(topic + "/" + partition, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("storagehub.indexer.consumer.lag", value, AtomicLong::get)
                    .tag("topic", topic).tag("partition", Integer.toString(partition))
                    .description("Records between the consumer's position and the partition's end")
                    .register(registry);
            return value;
        }).set(lag);
    }

    public void lastBlock(String chain, long block) {
        lastBlocks.computeIfAbsent(chain, k -> {
            AtomicLong value = new AtomicLong(-1);
            Gauge.builder("storagehub.indexer.last.block", value, AtomicLong::get).tag("chain", chain)
                    .description("Block of the chain's last indexed event").register(registry);
            return value;
        }).accumulateAndGet(block, Math::max);
    }

    /**
     * The time of a block indexed for {@code chain}: the chain's lag gauge reads, at each scrape, the seconds from
     * the newest such time to now (how far the read model is behind the chain).
     */
    public void blockTime(String chain, Instant time) {
        blockTimes.computeIfAbsent(chain, k -> {
            AtomicReference<Instant> newest = new AtomicReference<>(time);
            Gauge.builder("storagehub.indexer.lag.seconds", newest, n -> lagSeconds(n.get())).tag("chain", chain)
                    .description("Seconds from the time of the chain's newest indexed block to now")
                    .register(registry);
            return newest;
        }).accumulateAndGet(time, (a, b) -> a.isAfter(b) ? a : b);
    }

    private double lagSeconds(Instant blockTime) {
        return (clock.millis() - blockTime.toEpochMilli()) / 1000.0;
    }

    public void deadLettersPublished(int count) {
        dlqPublished.increment(count);
    }

    /** Counts the retries of {@code resilience} and exposes its circuit breaker's state. */
    public void bind(String component, Resilience resilience) {
        Counter retries = Counter.builder("storagehub.indexer.retries").tag("component", component)
                .description("Retried attempts after a transient failure").register(registry);
        resilience.retry().getEventPublisher().onRetry(event -> retries.increment());
        CircuitBreaker breaker = resilience.circuitBreaker();
        Gauge.builder("storagehub.indexer.circuit.breaker.state", breaker, b -> stateCode(b.getState()))
                .tag("name", breaker.getName())
                .description("0 closed, 1 open, 2 half-open, 3 disabled or forced").register(registry);
    }

    static double stateCode(CircuitBreaker.State state) {
        switch (state) {
            case CLOSED:
                return 0;
            case OPEN:
                return 1;
            case HALF_OPEN:
                return 2;
            default:
                return 3;
        }
    }

    public double records(String outcome) {
        return registry.get("storagehub.indexer.records").tag("outcome", outcome).counter().count();
    }

    public double recordsRead() {
        return read.count();
    }

    public double deadLettersPublished() {
        return dlqPublished.count();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
