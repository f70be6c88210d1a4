package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.storagehub.indexer.consumer.BatchWriter;
import io.storagehub.indexer.consumer.CodecRecordDecoder;
import io.storagehub.indexer.consumer.IndexerConsumer;
import io.storagehub.indexer.consumer.JdbiBatchWriter;
import io.storagehub.indexer.consumer.KafkaSettings;
import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.retry.Resilience;
import io.storagehub.indexer.retry.RetriableFailure;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live consumer decodes a poll's records while the batches of the poll before are written, and applies a batch
 * in memory while the one before it commits. When a batch fails, the batches polled after it (already decoding, or
 * already applied over it) must not be applied: the partition is read again from the failed batch. Seen from the
 * writer, the committed batches of a partition must cover its offsets once each, in order.
 */
class PipelinedDecodeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_BATCH = 50;
    private static final long FAIL_AT = 400;

    private final List<Envelope> alpha = Chains.generate(Chains.ALPHA, 41, 1000);
    private final Reference reference = new Reference().apply(alpha);
    private IsolatedSchema schema;
    private Testbed testbed;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.isolatedSchema();
        testbed = new Testbed(1, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(), schema.name()),
                MAX_BATCH);
    }

    @AfterEach
    void tearDown() throws Exception {
        testbed.close();
        schema.close();
    }

    @Test
    void batchesPolledBeforeAFailedOne_areReadAgain_notApplied() throws Exception {
        run(false);
    }

    @Test
    void batchesAppliedOverAFailedOne_areDiscarded_andReadAgain() throws Exception {
        run(true);
    }

    private void run(boolean prepares) throws Exception {
        // given: a migrated read model with the chain's first events, and the rest waiting in the topic
        LiveIndexer first = testbed.startIndexer();
        testbed.publish(0, alpha.subList(0, 100));
        Wait.until(TIMEOUT, "first events indexed", testbed::caughtUp);
        first.close();
        testbed.publish(0, alpha.subList(100, alpha.size()));
        try (HikariDataSource pool = Pools.create(new PoolConfig(schema.jdbcUrl(), schema.user(), schema.password(),
                schema.name(), 2, Duration.ofSeconds(30), "pipelined-decode-it", false))) {
            Recording writer = new Recording(new JdbiBatchWriter(Databases.jdbi(pool)), prepares);
            IndexerMetrics metrics = new IndexerMetrics(new SimpleMeterRegistry());
            IndexerConsumer consumer = new IndexerConsumer(testbed.kafka,
                    new KafkaConsumer<>(KafkaSettings.groupConsumer(testbed.kafka, "pipelined-decode-it")), writer,
                    new CodecRecordDecoder(), new Resilience("postgres", Testbed.FAST_RETRY), Testbed.FAST_RETRY,
                    metrics, () -> { });
            Thread loop = new Thread(consumer, "pipelined-decode-it");
            loop.start();
            try {
                // when: the batch holding offset FAIL_AT fails until the consumer gives up on it and re-reads it
                Wait.until(TIMEOUT, "caught up", testbed::caughtUp);
            } finally {
                consumer.shutdown();
                assertThat(consumer.awaitStopped(Duration.ofSeconds(30))).isTrue();
            }
            // then: it failed, the batches after it (polled and decoding meanwhile) were dropped, and every offset
            // was committed once, in order
            assertThat(writer.failures.get()).isEqualTo(Recording.FAILURES);
            if (prepares) {
                assertThat(writer.preparedCommits.get()).as("batches written as prepared")
                        .isGreaterThan(writer.committed.size() / 2);
                assertThat(writer.discards.get()).as("discards of the batches applied over the failed one")
                        .isPositive();
            }
            assertThat(writer.committed).first().extracting(Range::first).isEqualTo(100L);
            for (int i = 1; i < writer.committed.size(); i++) {
                assertThat(writer.committed.get(i).first()).as("batch %d of %s", i, writer.committed)
                        .isEqualTo(writer.committed.get(i - 1).next());
            }
            assertThat(writer.committed).last().extracting(Range::next).isEqualTo((long) alpha.size());
            assertThat(metrics.recordsRead()).isEqualTo(alpha.size() - 100);
            assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(reference.snapshot(Chains.ALPHA));
        }
    }

    private record Range(long first, long next) {
    }

    /**
     * The real writer, failing the batch that holds {@link #FAIL_AT} more times than the retries allow (so the
     * consumer gives the batch up and re-reads it), and recording the offsets of every committed batch. With
     * {@code prepares}, batches are prepared ahead as by the real writer, and the failing batch's prepared write
     * fails too (so the batch applied over it is discarded).
     */
    private static final class Recording implements BatchWriter {
        static final int FAILURES = Testbed.FAST_RETRY.maxAttempts();
        private final BatchWriter delegate;
        private final boolean prepares;
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicInteger preparedCommits = new AtomicInteger();
        private final AtomicInteger discards = new AtomicInteger();
        private final List<Range> committed = new CopyOnWriteArrayList<>();

        Recording(BatchWriter delegate, boolean prepares) {
            this.delegate = delegate;
            this.prepares = prepares;
        }

        @Override
        public BatchResult write(Batch batch, Function<BatchResult, List<DeadLetter>> deadLetters) {
            Range range = failUnlessDone(batch);
            BatchResult result = delegate.write(batch, deadLetters);
            committed.add(range);
            return result;
        }

        @Override
        public Optional<Prepared> prepare(Batch batch) {
            if (!prepares) {
                return Optional.empty();
            }
            Prepared prepared = delegate.prepare(batch).orElseThrow();
            return Optional.of(deadLetters -> {
                Range range = failUnlessDone(batch);
                BatchResult result = prepared.commit(deadLetters);
                preparedCommits.incrementAndGet();
                committed.add(range);
                return result;
            });
        }

        @Override
        public void discardPrepared() {
            discards.incrementAndGet();
            delegate.discardPrepared();
        }

        /** The batch's offsets, or a failure if it holds {@link #FAIL_AT} and has not failed often enough yet. */
        private Range failUnlessDone(Batch batch) {
            long next = batch.checkpoint().orElseThrow().nextOffset();
            long first = next - batch.events().size(); // Chains.generate makes no poison: one event per record
            if (first <= FAIL_AT && FAIL_AT < next && failures.get() < FAILURES) {
                failures.incrementAndGet();
                throw new RetriableFailure("failing the batch of offsets " + first + ".." + (next - 1), null);
            }
            return new Range(first, next);
        }

        @Override
        public Optional<SourceOffset> checkpoint(String topic, int partition) {
            return delegate.checkpoint(topic, partition);
        }
    }
}
