package io.storagehub.indexer.consumer;

import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.retry.Backoff;
import io.storagehub.indexer.retry.Failures;
import io.storagehub.indexer.retry.FatalFailure;
import io.storagehub.indexer.retry.Resilience;
import io.storagehub.indexer.retry.RetriableFailure;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.SourceOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live consumer loop. Each poll's records are applied per partition as one batch, together with the
 * partition's next offset and its dead letters, in one Postgres transaction; Kafka's committed offsets are only
 * a hint for lag tooling. On assignment a partition is sought to its stored offset before any record of it is
 * applied (it stays paused while the database is unreachable). A batch that fails for a transient reason is
 * retried; if it still fails the partition is sought back to the batch's first offset and paused for a bounded,
 * growing delay, so no offset ever moves past it. Work is pipelined (see {@link #step()}): a poll's records are
 * decoded on the common fork-join pool while the batches of the poll before are applied; a batch is applied in
 * memory on this thread while the batch before it is written and committed on the writer thread. A revocation
 * (which Kafka runs inside {@code poll}) first waits for the batch being written, so every batch of the revoked
 * partitions is committed or rolled back before it returns.
 */
public final class IndexerConsumer implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(IndexerConsumer.class);

    private final IndexerConfig config;
    private final Consumer<byte[], byte[]> consumer;
    private final BatchProcessor processor;
    private final BatchWriter batchWriter;
    private final RetryConfig retryConfig;
    private final IndexerMetrics metrics;
    private final Map<TopicPartition, PartitionState> partitions = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final LoopHealth health = new LoopHealth();
    /** Batches polled on the last turn, decoding, to be applied on the next (touched by the loop's thread only). */
    private final List<Polled> decoding = new ArrayList<>();
    /** Writes batches applied ahead on the loop's thread, one at a time. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "indexer-writer");
        thread.setDaemon(true);
        return thread;
    });
    /** The batch being written on the writer thread, if any (touched by the loop's thread only). */
    private Writing writing;
    /** The current turn's decisions, also made by the rebalance callbacks that run inside its poll. */
    private Turn turn = new Turn();
    private volatile boolean failing;
    private volatile Throwable fatal;

    public IndexerConsumer(IndexerConfig config, Consumer<byte[], byte[]> consumer, BatchWriter writer,
                           RecordDecoder decoder, Resilience resilience, RetryConfig retryConfig,
                           IndexerMetrics metrics, Runnable onDeadLetters) {
        this.config = config;
        this.consumer = consumer;
        this.batchWriter = writer;
        this.retryConfig = retryConfig;
        this.metrics = metrics;
        this.processor = new BatchProcessor(writer, decoder, resilience, metrics, onDeadLetters);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(config.topic()), new Rebalance());
            while (running.get()) {
                step();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                fatal = new FatalFailure("consumer woken up unexpectedly", e);
            }
        } catch (RuntimeException | Error e) {
            fatal = rootFatal(Failures.isKafkaAccess(e) ? Failures.classify("consuming " + config.topic(), e) : e);
            log.error("indexer stopped: {}", fatal.getMessage(), fatal);
        } finally {
            try {
                finishWrite(new Turn()); // the batch in flight commits or rolls back before the consumer closes
            } catch (RuntimeException | Error e) {
                log.warn("the last batch's write failed: {}", e.toString());
            }
            writer.shutdown();
            try {
                // a static member stays in its group after close unless it leaves: leave, so that its
                // partitions move to the other members at once
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))
                        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            } catch (RuntimeException e) {
                log.warn("closing the consumer failed: {}", e.toString());
            }
            partitions.clear();
            health.stopped();
            stopped.countDown();
        }
    }

    /**
     * One turn of the loop: poll, start decoding what was polled (off this thread), then apply the batches polled
     * on the turn before, whose decoding ran while their predecessors were written. A polled batch therefore waits
     * for the next poll, which does not block while batches are waiting ({@link Duration#ZERO}). Each batch is
     * applied in memory on this thread while the batch before it is written and committed on the writer thread
     * ({@link BatchProcessor#stage}), then written there in turn once that one committed; the last batch's write is
     * left running over the next poll if more batches are coming. Batches are still applied in offset order per
     * partition; one whose partition was revoked, sought back or halted by a failure before it ran is dropped
     * unapplied (its records are read again from the stored or retried offset). When a write does not commit, the
     * batch applied after it is discarded and applied again.
     */
    private void step() {
        Turn turn = new Turn();
        this.turn = turn;
        prepare(System.nanoTime());
        ConsumerRecords<byte[], byte[]> records = consumer.poll(decoding.isEmpty() && writing == null
                ? config.pollTimeout() : Duration.ZERO);
        health.polled(System.nanoTime());
        List<Polled> polled = new ArrayList<>();
        for (TopicPartition tp : records.partitions()) {
            PartitionState state = partitions.get(tp);
            if (!running.get() || state == null || state.needsSeek()) {
                continue; // not applied: the partition is sought to its stored offset before it runs again
            }
            polled.add(new Polled(tp, state, processor.decodeAhead(records.records(tp))));
        }
        List<Polled> due = new ArrayList<>(decoding);
        decoding.clear();
        for (Polled batch : due) {
            if (!runnable(batch, turn)) {
                continue; // revoked, re-assigned or sought since it was polled: read again from its offset
            }
            BatchProcessor.Staged staged = processor.stage(batch.decoding());
            boolean discarded = finishWrite(turn);
            if (turn.switched) {
                break;
            }
            if (!runnable(batch, turn)) {
                if (!discarded && staged.prepared()) {
                    processor.discardPrepared(); // applied over a batch that did not commit
                }
                continue;
            }
            if (discarded) {
                staged = processor.restage(staged);
            }
            if (staged.prepared()) {
                writing = new Writing(batch, staged, processor.writeAsync(staged, writer));
            } else {
                handle(batch, processor.applyNow(staged), turn);
                if (turn.switched) {
                    break;
                }
            }
        }
        if (!turn.switched) {
            // the batches just polled follow the ones applied; a halted partition's are read again after its seek
            polled.stream().filter(b -> !turn.halted.contains(b.partition())).forEach(decoding::add);
        }
        if (decoding.isEmpty()) {
            finishWrite(turn); // nothing to apply beside it: the write's outcome is known before the next poll
        }
        for (TopicPartition tp : partitions.keySet()) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isPresent()) {
                metrics.lag(tp.topic(), tp.partition(), lag.getAsLong());
            }
        }
        failing = partitions.values().stream().anyMatch(PartitionState::failing);
    }

    /** What one turn decided: the partitions halted by a failure, whether the schema switched. */
    private static final class Turn {
        final Set<TopicPartition> halted = new HashSet<>();
        boolean switched;
    }

    private boolean runnable(Polled batch, Turn turn) {
        TopicPartition tp = batch.partition();
        PartitionState state = batch.state();
        return running.get() && !turn.switched && partitions.get(tp) == state && !state.needsSeek()
                && !turn.halted.contains(tp);
    }

    /**
     * Waits for the write in flight, if any, and acts on its outcome. Returns whether the batches applied after
     * it were discarded (it did not commit as prepared).
     */
    private boolean finishWrite(Turn turn) {
        if (writing == null) {
            return false;
        }
        Writing w = writing;
        writing = null;
        BatchProcessor.Result result = processor.settle(w.staged(), w.write());
        handle(w.batch(), result, turn);
        return !(result instanceof BatchProcessor.Committed);
    }

    /** Acts on a batch's outcome: hint its offset, or seek its partition back and pause it, or seek them all. */
    private void handle(Polled batch, BatchProcessor.Result result, Turn turn) {
        TopicPartition tp = batch.partition();
        PartitionState state = batch.state();
        boolean assigned = partitions.get(tp) == state;
        if (result instanceof BatchProcessor.Committed committed) {
            state.succeeded();
            if (assigned) {
                hint(tp, committed.nextOffset());
            }
        } else if (result instanceof BatchProcessor.Failed failed) {
            turn.halted.add(tp);
            if (!assigned) {
                return; // revoked meanwhile: its next owner starts from the stored offset
            }
            consumer.seek(tp, failed.firstOffset());
            consumer.pause(List.of(tp));
            Duration delay = state.failed(System.nanoTime());
            log.atWarn().addKeyValue("partition", tp.partition()).addKeyValue("offset", failed.firstOffset())
                    .addKeyValue("retryIn", delay.toMillis() + "ms")
                    .log("batch not applied, will re-read it: {}", failed.cause().getMessage());
        } else {
            log.info("the read model was switched (rebuild): seeking every partition to its new checkpoint");
            partitions.values().forEach(PartitionState::mustSeek);
            consumer.pause(consumer.assignment());
            turn.switched = true;
        }
    }

    /**
     * Tells the group where a committed batch ended, as soon as it committed: a hint for tools that read the
     * group's offsets (the stored checkpoint is what the indexer resumes from). Sent at once rather than at the end
     * of the turn, so that a turn that then stalls on a failing database does not move the group's offsets long
     * after the batch's commit, while the indexer already reports the database down.
     */
    private void hint(TopicPartition tp, long nextOffset) {
        consumer.commitAsync(Map.of(tp, new OffsetAndMetadata(nextOffset)), (offsets, e) -> {
            if (e != null) {
                log.debug("offset hint not committed: {}", e.toString());
            }
        });
    }

    /** A polled partition's records being decoded, with the partition's state when they were polled. */
    private record Polled(TopicPartition partition, PartitionState state, BatchProcessor.Decoding decoding) {
    }

    /** A batch being written on the writer thread. */
    private record Writing(Polled batch, BatchProcessor.Staged staged, CompletableFuture<BatchResult> write) {
    }

    /** Seeks partitions that need it and resumes those whose backoff has elapsed. */
    private void prepare(long now) {
        Set<TopicPartition> paused = consumer.paused();
        for (Map.Entry<TopicPartition, PartitionState> entry : partitions.entrySet()) {
            TopicPartition tp = entry.getKey();
            PartitionState state = entry.getValue();
            if (!state.due(now)) {
                continue;
            }
            if (state.needsSeek()) {
                trySeek(tp, state, now);
            }
            if (!state.needsSeek() && paused.contains(tp)) {
                consumer.resume(List.of(tp));
            }
        }
    }

    private void trySeek(TopicPartition tp, PartitionState state, long now) {
        try {
            Optional<SourceOffset> stored = batchWriter.checkpoint(tp.topic(), tp.partition());
            if (stored.isPresent()) {
                consumer.seek(tp, stored.get().nextOffset());
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
            state.seeked();
            state.succeeded();
            log.atInfo().addKeyValue("partition", tp.partition())
                    .addKeyValue("offset", stored.map(s -> Long.toString(s.nextOffset())).orElse("beginning"))
                    .log("partition sought to its stored offset");
        } catch (RetriableFailure e) {
            consumer.pause(List.of(tp));
            Duration delay = state.failed(now);
            log.atWarn().addKeyValue("partition", tp.partition()).addKeyValue("retryIn", delay.toMillis() + "ms")
                    .log("cannot read the stored offset: {}", e.getMessage());
        }
    }

    /** Asks the loop to stop: the open batch, if any, commits or rolls back as a whole, then the consumer closes. */
    public void shutdown() {
        running.set(false);
        consumer.wakeup();
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * True while the loop runs, is a member of the group and polls (returned from {@code poll} within
     * {@link LoopHealth#STALLED_AFTER}). A member without partitions (more replicas than partitions) is healthy.
     */
    public boolean healthy() {
        return health.healthy(System.nanoTime());
    }

    /** True unless an assigned partition waits for its seek or is in a failing retry loop; true with none. */
    public boolean partitionsReady() {
        return !failing && partitions.values().stream().noneMatch(PartitionState::needsSeek);
    }

    /** Both {@link #healthy()} and {@link #partitionsReady()}: the replica can do its job. */
    public boolean ready() {
        return healthy() && partitionsReady();
    }

    public boolean failing() {
        return failing;
    }

    public Set<TopicPartition> assignment() {
        return Set.copyOf(partitions.keySet());
    }

    /** The error that stopped the loop, if it stopped on one. */
    public Optional<Throwable> fatal() {
        return Optional.ofNullable(fatal);
    }

    private static Throwable rootFatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FatalFailure) {
                return t;
            }
        }
        return e;
    }

    private final class Rebalance implements org.apache.kafka.clients.consumer.ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(java.util.Collection<TopicPartition> assigned) {
            long now = System.nanoTime();
            for (TopicPartition tp : assigned) {
                PartitionState state = new PartitionState(
                        new Backoff(retryConfig.initialBackoff(), retryConfig.maxBackoff()));
                partitions.put(tp, state);
                trySeek(tp, state, now);
            }
            health.joined();
            log.info("partitions assigned: {}", assigned);
        }

        @Override
        public void onPartitionsRevoked(java.util.Collection<TopicPartition> revoked) {
            // the batch in flight ends before the partitions go, so no batch of them is open after this (its
            // outcome counts in the turn whose poll runs this)
            finishWrite(turn);
            revoked.forEach(partitions::remove);
            log.info("partitions revoked: {}", revoked);
        }

        @Override
        public void onPartitionsLost(java.util.Collection<TopicPartition> lost) {
            lost.forEach(partitions::remove);
            health.lost();
            log.warn("partitions lost: {}", lost);
        }
    }
}
