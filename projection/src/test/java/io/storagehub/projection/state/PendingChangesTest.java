package io.storagehub.projection.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Projection;
import io.storagehub.projection.ProjectionEngine;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.contract.GeneratedChains;
import io.storagehub.projection.contract.Recount;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.event.Position;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.chain.ChainScript;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A batch applied over the pending changes of the batch before it, while that one is not yet written (or is
 * written at any moment during the read), must do exactly what it does once that batch is written.
 */
class PendingChangesTest {
    private static final String CHAIN = "pending-alpha";

    @Test
    void generatedChain_eachBatchAppliedBeforeThePreviousIsWritten_endsInTheSameRowsAndOutcomes() {
        // given
        GeneratedChains.Expected chain = GeneratedChains.generate(
                ChainGenerator.Config.defaults(CHAIN, 41).withLiveFilesTarget(300), 12_000);
        InMemoryStore reference = new InMemoryStore();
        Pipelined tiny = new Pipelined(new RowCache(3), new Random(1));
        Pipelined large = new Pipelined(new RowCache(50_000), new Random(2));
        Pipelined none = new Pipelined(new RowCache(0), new Random(3));
        // when: the previous batch is written at a random storage read of the next one (or after it)
        GeneratedChains.applyInRandomBatches(chain, 7, 300, new InMemoryProjection(reference), tiny, large, none);
        List.of(tiny, large, none).forEach(Pipelined::flush);
        // then: the outcomes were checked batch by batch; the rows
        var rows = new InMemoryQueries(reference).snapshot(CHAIN);
        assertThat(rows.files()).hasSizeGreaterThan(300);
        assertThat(new InMemoryQueries(tiny.store).snapshot(CHAIN)).isEqualTo(rows);
        assertThat(new InMemoryQueries(large.store).snapshot(CHAIN)).isEqualTo(rows);
        assertThat(new InMemoryQueries(none.store).snapshot(CHAIN)).isEqualTo(rows);
        assertThat(Recount.mismatches(rows)).isEmpty();
        assertThat(tiny.writtenDuringARead).isGreaterThan(10);
    }

    @Test
    void aPendingBatch_isSeenWithoutBeingWritten_andAClearedOneIsNot() {
        // given: a file created by a batch that is pending only
        ChainScript script = ChainScript.on(CHAIN);
        InMemoryStore store = new InMemoryStore();
        PendingChanges pending = new PendingChanges();
        ProjectionEngine.Result created = ProjectionEngine.run(Batch.of(List.of(script.mspSignUp(1, 1),
                script.bspSignUp(2), script.newBucket(1, 1, 1, 1),
                script.newStorageRequest(1, 1, 1, "a/b.txt", 10))), pending.over(store));
        pending.add(created.changes());
        script.nextBlock();
        var accepted = List.of(script.mspAccepted(1), script.bspConfirmed(2, 1));
        // when
        ProjectionEngine.Result over = ProjectionEngine.run(Batch.of(accepted), pending.over(store));
        pending.clear();
        ProjectionEngine.Result without = ProjectionEngine.run(Batch.of(accepted), pending.over(store));
        // then: over the pending batch the events apply; without it, their file is unknown
        assertThat(over.result().counts().get(io.storagehub.projection.Outcome.Kind.APPLIED)).isEqualTo(2);
        assertThat(over.changes().get(0).addedAssociations()).hasSize(1);
        assertThat(without.result().counts().get(io.storagehub.projection.Outcome.Kind.APPLIED)).isZero();
        assertThat(store.lockChain(CHAIN)).isEmpty();
    }

    /**
     * The JDBI adapter's pipeline over the in-memory store: each batch is applied over the previous one's pending
     * changes, and the previous one is written at a random point of that (at one of its storage reads, or after).
     */
    private static final class Pipelined implements Projection {
        final InMemoryStore store = new InMemoryStore();
        final RowCache cache;
        final PendingChanges pending = new PendingChanges();
        final Random random;
        Written previous;
        int writtenDuringARead;

        Pipelined(RowCache cache, Random random) {
            this.cache = cache;
            this.random = random;
        }

        private record Written(List<Changes> changes, Optional<SourceOffset> checkpoint, Object layer) {
        }

        @Override
        public BatchResult apply(Batch batch) {
            WritingStorage storage = new WritingStorage(random.nextInt(12));
            CachingLoader loader = cache.over(pending.over(storage));
            ProjectionEngine.Result run = ProjectionEngine.run(batch, loader);
            Object layer = pending.add(run.changes());
            cache.publish(loader, run.changes());
            flush();
            previous = new Written(run.changes(), batch.checkpoint(), layer);
            return run.result();
        }

        /** Writes the previous batch, if not written yet, and drops its pending changes. */
        void flush() {
            if (previous != null) {
                store.write(previous.changes(), previous.checkpoint());
                pending.remove(previous.layer());
                previous = null;
            }
        }

        @Override
        public Optional<SourceOffset> checkpoint(String topic, int partition) {
            return new InMemoryProjection(store).checkpoint(topic, partition);
        }

        @Override
        public Map<String, Position> chainPositions() {
            return new InMemoryProjection(store).chainPositions();
        }

        /** The store, writing the previous batch just before its {@code writeAt}-th read. */
        private final class WritingStorage extends ForwardingLoader {
            private int reads;
            private final int writeAt;

            WritingStorage(int writeAt) {
                this.writeAt = writeAt;
            }

            @Override
            protected StateLoader target() {
                if (reads++ == writeAt && previous != null) {
                    flush();
                    writtenDuringARead++;
                }
                return store;
            }
        }
    }
}
