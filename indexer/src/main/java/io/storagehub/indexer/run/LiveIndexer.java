package io.storagehub.indexer.run;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.HttpConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.consumer.CodecRecordDecoder;
import io.storagehub.indexer.consumer.IndexerConsumer;
import io.storagehub.indexer.consumer.JdbiBatchWriter;
import io.storagehub.indexer.consumer.KafkaSettings;
import io.storagehub.indexer.deadletter.DeadLetterRelay;
import io.storagehub.indexer.health.OpsServer;
import io.storagehub.indexer.health.ReadinessCheck;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.rebuild.FirstSync;
import io.storagehub.indexer.retry.Backoff;
import io.storagehub.indexer.retry.Failures;
import io.storagehub.indexer.retry.FatalFailure;
import io.storagehub.indexer.retry.Resilience;
import io.storagehub.indexer.retry.RetriableFailure;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running indexer ({@code indexer run}): the consumer loop, the dead-letter relay and the operations
 * endpoint over one connection pool. {@link #close()} stops them in order; the open batch commits or rolls back
 * as a whole.
 */
public final class LiveIndexer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveIndexer.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final HikariDataSource pool;
    private final IndexerMetrics metrics;
    private final IndexerConsumer consumer;
    private final DeadLetterRelay relay;
    private final Thread consumerThread;
    private final Thread relayThread;
    private final OpsServer http;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean syncing;
    private volatile Throwable firstSyncFailure;
    private volatile boolean firstSynced;

    private LiveIndexer(HikariDataSource pool, IndexerMetrics metrics, IndexerConsumer consumer,
                        DeadLetterRelay relay, OpsServer http, Jdbi jdbi, Optional<FirstSync> firstSync,
                        AtomicBoolean syncing) {
        this.pool = pool;
        this.metrics = metrics;
        this.consumer = consumer;
        this.relay = relay;
        this.http = http;
        this.syncing = syncing;
        this.consumerThread = new Thread(() -> {
            if (firstSync.isPresent() && !firstSync(firstSync.get(), jdbi)) {
                return;
            }
            consumer.run();
        }, "indexer-consumer");
        this.relayThread = new Thread(relay, "indexer-dlq-relay");
    }

    /** Checks (and by default migrates) the schema, then starts consuming (never with a bulk first sync). */
    public static LiveIndexer start(IndexerConfig kafka, DbConfig db, HttpConfig httpConfig, RetryConfig retry,
                                    boolean migrate) {
        return start(kafka, db, httpConfig, retry, migrate, Optional.empty());
    }

    /**
     * Checks (and by default migrates) the schema, then, on the consumer's thread, builds an empty read model in bulk
     * mode when {@code firstSync} finds it should, and starts consuming.
     */
    public static LiveIndexer start(IndexerConfig kafka, DbConfig db, HttpConfig httpConfig, RetryConfig retry,
                                    boolean migrate, Optional<FirstSync> firstSync) {
        HikariDataSource pool = Pools.create(new PoolConfig(db.jdbcUrl(), db.user(), db.password(), db.schema(),
                Math.max(2, db.maxPoolSize()), db.statementTimeout(), "storagehub-indexer", false));
        try {
            pool.setConnectionTimeout(3_000);
            verifySchema(pool, db.schema(), migrate, retry);
            Jdbi jdbi = Databases.jdbi(pool);
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            IndexerMetrics metrics = new IndexerMetrics(registry);
            Resilience resilience = new Resilience("postgres", retry);
            metrics.bind("postgres", resilience);
            DeadLetterRelay relay = new DeadLetterRelay(jdbi, db.schema(), kafka, retry, metrics);
            KafkaConsumer<byte[], byte[]> kafkaConsumer = new KafkaConsumer<>(
                    KafkaSettings.groupConsumer(kafka, "storagehub-indexer-" + UUID.randomUUID()));
            IndexerConsumer consumer = new IndexerConsumer(kafka, kafkaConsumer,
                    new JdbiBatchWriter(jdbi, JdbiProjection.DEFAULT_CACHED_ROWS, db.changes()),
                    new CodecRecordDecoder(), resilience, retry, metrics, relay::signal);
            Readiness readiness = new Readiness(pool, db.schema());
            AtomicBoolean syncing = new AtomicBoolean(firstSync.isPresent());
            OpsServer http = OpsServer.start(httpConfig, registry, List.of(
                    new ReadinessCheck("database", readiness::databaseReachable),
                    new ReadinessCheck("migrations", readiness::migrationsUpToDate),
                    new ReadinessCheck("first-sync", () -> !syncing.get()),
                    new ReadinessCheck("consumer", consumer::healthy),
                    new ReadinessCheck("partitions", consumer::partitionsReady)));
            LiveIndexer indexer = new LiveIndexer(pool, metrics, consumer, relay, http, jdbi, firstSync, syncing);
            indexer.relayThread.start();
            indexer.consumerThread.start();
            log.atInfo().addKeyValue("topic", kafka.topic()).addKeyValue("group", kafka.groupId())
                    .addKeyValue("instanceId", kafka.instanceId().orElse("-"))
                    .addKeyValue("schema", db.schema()).addKeyValue("httpPort", http.port())
                    .addKeyValue("changes", db.changes() ? "on" : "off").log("indexer started");
            return indexer;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void verifySchema(HikariDataSource pool, String schema, boolean migrate, RetryConfig retry) {
        Backoff backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            try {
                SchemaCheck.verify(pool, schema, migrate);
                return;
            } catch (RetriableFailure e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new FatalFailure("database unavailable for " + STARTUP_TIMEOUT.toSeconds()
                            + " s at start-up: " + e.getMessage(), e);
                }
                Duration delay = backoff.next();
                log.warn("database not available yet, retrying in {} ms: {}", delay.toMillis(), e.getMessage());
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new FatalFailure("interrupted during start-up", interrupted);
                }
            }
        }
    }

    /** Runs the first sync if needed; false when it failed (the failure is kept for {@link #awaitTermination}). */
    private boolean firstSync(FirstSync sync, Jdbi jdbi) {
        try {
            firstSynced = sync.runIfNeeded(jdbi, metrics);
            return true;
        } catch (RuntimeException | Error e) {
            // a Kafka access failure (credentials, TLS, ACLs) is reported as the consumer reports it: naming settings
            firstSyncFailure = Failures.isKafkaAccess(e) ? Failures.classify("the first sync", e) : e;
            log.error("first sync failed: {}", firstSyncFailure.getMessage(), firstSyncFailure);
            return false;
        } finally {
            syncing.set(false);
        }
    }

    /** Whether this indexer built the read model with a bulk first sync before consuming. */
    public boolean firstSynced() {
        return firstSynced;
    }

    /** True while a bulk first sync runs (or is being decided on) before consuming. */
    public boolean syncing() {
        return syncing.get();
    }

    /** Waits until the consumer loop ends (after {@link #close()} or on a fatal error); returns that error. */
    public Optional<Throwable> awaitTermination() throws InterruptedException {
        consumerThread.join();
        return firstSyncFailure != null ? Optional.of(firstSyncFailure) : consumer.fatal();
    }

    public IndexerMetrics metrics() {
        return metrics;
    }

    public IndexerConsumer consumer() {
        return consumer;
    }

    public DeadLetterRelay relay() {
        return relay;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        consumer.shutdown();
        relay.shutdown();
        try {
            if (!consumer.awaitStopped(STOP_TIMEOUT) || !relay.awaitStopped(STOP_TIMEOUT)) {
                log.warn("indexer threads did not stop within {}", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            http.close();
            pool.close();
        }
        log.info("indexer stopped");
    }
}
