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

    /** {@code records} are one partition's, in offset order, at least one. */
    public Result process(List<ConsumerRecord<byte[], byte[]>> records) {
        PartitionBatch batch = PartitionBatch.decode(records, decoder);
        long start = System.nanoTime();
        MDC.put("partition", Integer.toString(batch.partition()));
        MDC.put("offset", Long.toString(batch.firstOffset()));
        try {
            BatchResult result = resilience.call(() -> writer.write(batch.batch(), batch::deadLetters));
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
        } catch (RetriableFailure e) {
            return new Failed(batch.firstOffset(), e);
        } catch (ReadModelSwitchedException e) {
            return new Switched();
        } finally {
            MDC.remove("partition");
            MDC.remove("offset");
        }
    }

    private void lastBlocks(List<Envelope> events) {
        Map<String, BlockRef> last = new HashMap<>();
        for (Envelope event : events) {
            last.merge(event.chain(), event.block(), (a, b) -> a.number() >= b.number() ? a : b);
        }
        last.forEach((chain, block) -> {
            metrics.lastBlock(chain, block.number());
            metrics.blockTime(chain, block.timestamp());
        });
    }
}
