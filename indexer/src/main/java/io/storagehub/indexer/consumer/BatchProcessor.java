package io.storagehub.indexer.consumer;

import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.metrics.OutcomeCounts;
import io.storagehub.indexer.retry.Resilience;
import io.storagehub.indexer.retry.RetriableFailure;
import io.storagehub.projection.BatchResult;
import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.Envelope;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decodes one partition's records and applies them as one batch, with retries; counts the outcomes once the
 * batch committed. Shared by the live consumer and the rebuild.
 */
public final class BatchProcessor {
    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

    private final BatchWriter writer;
    private final RecordDecoder decoder;
    private final Resilience resilience;
    private final IndexerMetrics metrics;
    private final Runnable onDeadLetters;

    public BatchProcessor(BatchWriter writer, RecordDecoder decoder, Resilience resilience, IndexerMetrics metrics,
                          Runnable onDeadLetters) {
        this.writer = writer;
        this.decoder = decoder;
        this.resilience = resilience;
        this.metrics = metrics;
        this.onDeadLetters = onDeadLetters;
    }

    /** What became of a batch. */
    public sealed interface Result permits Committed, Failed, Switched {
    }

    public record Committed(long nextOffset, OutcomeCounts counts) implements Result {
    }

    /** Not applied for a transient reason: re-read from {@code firstOffset}. */
    public record Failed(long firstOffset, RetriableFailure cause) implements Result {
    }

    /** Not applied because the read model's schema was replaced. */
    public record Switched() implements Result {
    }

    /**
     * A batch whose records are being decoded on the common fork-join pool while the caller does something else
     * (the live consumer and a replay apply the batch before it): {@link BatchProcessor#process(Decoding)} applies it
 * once decoded.
     */
    public static final class Decoding {
        private final String topic;
        private final int partition;
        private final long firstOffset;
        private final ForkJoinTask<PartitionBatch> batch;

        private Decoding(ConsumerRecord<byte[], byte[]> first, ForkJoinTask<PartitionBatch> batch) {
            this.topic = first.topic();
            this.partition = first.partition();
            this.firstOffset = first.offset();
            this.batch = batch;
        }

        public String topic() {
            return topic;
        }

        public int partition() {
            return partition;
        }

        /** The offset of the batch's first record: where to read again from if it is not applied. */
        public long firstOffset() {
            return firstOffset;
        }

        private PartitionBatch await() {
            return batch.join();
        }
    }

    /**
     * Starts decoding {@code records} (one partition's, in offset order, at least one) on the common fork-join
     * pool (its threads: one fewer than the cores, the caller's thread being busy applying) and returns at once;
     * the decoder must be thread-safe (as {@link RecordDecoder} requires).
     */
    public Decoding decodeAhead(List<ConsumerRecord<byte[], byte[]>> records) {
        List<ConsumerRecord<byte[], byte[]>> copy = List.copyOf(records);
        return new Decoding(copy.get(0),
                ForkJoinPool.commonPool().submit(() -> PartitionBatch.decode(copy, decoder)));
    }

    /** Applies a batch started by {@link #decodeAhead}, waiting for its decoding to finish first. */
    public Result process(Decoding decoding) {
        return apply(decoding.await());
    }

    /**
     * A decoded batch, applied in memory ahead of its write where the writer can ({@link BatchWriter#prepare}).
     */
    public static final class Staged {
        private final PartitionBatch batch;
        private final long start;
        private final BatchWriter.Prepared prepared;

        private Staged(PartitionBatch batch, long start, BatchWriter.Prepared prepared) {
            this.batch = batch;
            this.start = start;
            this.prepared = prepared;
        }

        /** Whether the batch was applied ahead of its write: its write can run on another thread. */
        public boolean prepared() {
            return prepared != null;
        }
    }

    /**
     * Waits for a batch's decoding and applies it in memory ahead of its write, over the batches staged before it
     * and not yet written. If that fails, the batch is staged unprepared and {@link #applyNow} will apply it in its
     * transaction (where a failure is retried or reported as usual).
     */
    public Staged stage(Decoding decoding) {
        return stage(decoding.await(), System.nanoTime());
    }

    /** Stages a batch again, after the prepared batches were discarded ({@link #discardPrepared}). */
    public Staged restage(Staged staged) {
        return stage(staged.batch, staged.start);
    }

    private Staged stage(PartitionBatch batch, long start) {
        try {
            long applying = System.nanoTime();
            BatchWriter.Prepared prepared = writer.prepare(batch.batch()).orElse(null);
            if (prepared != null) {
                metrics.batchApplied(Duration.ofNanos(System.nanoTime() - applying));
            }
            return new Staged(batch, start, prepared);
        } catch (RuntimeException e) {
            log.atDebug().addKeyValue("offset", batch.firstOffset())
                    .log("batch not applied ahead of its write, it is applied in its transaction: {}", e.toString());
            return new Staged(batch, start, null);
        }
    }

    /** Forgets every batch staged and not written (see {@link BatchWriter#discardPrepared}). */
    public void discardPrepared() {
        writer.discardPrepared();
    }

    /** Starts the write of a prepared batch on {@code executor}; see {@link #settle}. */
    public CompletableFuture<BatchResult> writeAsync(Staged staged, Executor executor) {
        if (staged.prepared == null) {
            throw new IllegalArgumentException("the batch was not prepared: apply it with applyNow");
        }
        return CompletableFuture.supplyAsync(() -> {
            long writing = System.nanoTime();
            try {
                return staged.prepared.commit(staged.batch::deadLetters);
            } finally {
                metrics.batchWritten(Duration.ofNanos(System.nanoTime() - writing));
            }
        }, executor);
    }

    /**
     * The outcome of a write started by {@link #writeAsync}, once it ended. If it did not commit, the batches staged
     * after it are discarded ({@link #discardPrepared}) and must be staged again; unless the schema was switched,
     * the batch is then applied in its transaction, with retries ({@link #applyNow}).
     */
    public Result settle(Staged staged, CompletableFuture<BatchResult> write) {
        return logged(staged.batch, () -> {
            try {
                return committed(staged.batch, write.join(), staged.start);
            } catch (CompletionException e) {
                writer.discardPrepared();
                if (e.getCause() instanceof ReadModelSwitchedException) {
                    return new Switched();
                }
                log.atInfo().addKeyValue("offset", staged.batch.firstOffset())
                        .log("batch applied ahead of its write not committed, applying it again: {}",
                                e.getCause() == null ? e.toString() : e.getCause().toString());
                return apply(staged.batch, staged.start);
            }
        });
    }

    /** Applies an unprepared staged batch in its transaction, with retries, on the caller's thread. */
    public Result applyNow(Staged staged) {
        if (staged.prepared != null) {
            throw new IllegalArgumentException("the batch was prepared: write it with writeAsync");
        }
        return apply(staged.batch, staged.start);
    }

    private Result apply(PartitionBatch batch) {
        return apply(batch, System.nanoTime());
    }

    private Result apply(PartitionBatch batch, long start) {
        return logged(batch, () -> {
            try {
                BatchResult result = resilience.call(() -> writer.write(batch.batch(), batch::deadLetters));
                return committed(batch, result, start);
            } catch (RetriableFailure e) {
                return new Failed(batch.firstOffset(), e);
            } catch (ReadModelSwitchedException e) {
                return new Switched();
            }
        });
    }

    /** Runs {@code work} with the batch's partition and first offset in the logging context (MDC). */
    private static Result logged(PartitionBatch batch, Supplier<Result> work) {
        MDC.put("partition", Integer.toString(batch.partition()));
        MDC.put("offset", Long.toString(batch.firstOffset()));
        try {
            return work.get();
        } finally {
            MDC.remove("partition");
            MDC.remove("offset");
        }
    }

    /** Counts, logs and reports a committed batch. */
    private Committed committed(PartitionBatch batch, BatchResult result, long start) {
        OutcomeCounts counts = batch.counts(result);
        metrics.batch(counts, Duration.ofNanos(System.nanoTime() - start));
        lastBlocks(batch.events());
        if (counts.deadLettered() > 0) {
            for (DeadLetter letter : batch.deadLetters(result)) {
                log.atInfo().addKeyValue("chain", letter.chain().orElse("-"))
                        .addKeyValue("position", letter.position().map(Object::toString).orElse("-"))
                        .addKeyValue("deadLetterOffset", letter.offset())
                        .addKeyValue("reasonKind", letter.reasonKind())
                        .log("dead-lettered: {}", letter.reason());
            }
            onDeadLetters.run();
        }
        log.atDebug().addKeyValue("records", counts.total()).addKeyValue("applied", counts.applied())
                .addKeyValue("nextOffset", batch.nextOffset()).log("batch committed");
        return new Committed(batch.nextOffset(), counts);
    }

    private static BlockRef later(BlockRef a, BlockRef b) {
        return a.number() >= b.number() ? a : b;
    }

    private void lastBlocks(List<Envelope> events) {
        Map<String, BlockRef> last = new HashMap<>();
        String chain = null;
        BlockRef block = null;
        for (Envelope event : events) { // mostly one chain: its latest block is kept until the chain changes
            if (!event.chain().equals(chain)) {
                if (chain != null) {
                    last.merge(chain, block, BatchProcessor::later);
                }
                chain = event.chain();
                block = event.block();
            } else if (event.block().number() > block.number()) {
                block = event.block();
            }
        }
        if (chain != null) {
            last.merge(chain, block, BatchProcessor::later);
        }
        last.forEach((name, latest) -> {
            metrics.lastBlock(name, latest.number());
            metrics.blockTime(name, latest.timestamp());
        });
    }
}
