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
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.chain.ChainScript;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cache over the in-memory store as storage: what it serves must never change what a batch does. */
class RowCacheTest {
    private static final String CHAIN = "cache-alpha";

    @Test
    void generatedChain_throughNoATinyAndALargeCache_endsInTheSameRowsAsWithout() {
        // given
        GeneratedChains.Expected chain = GeneratedChains.generate(
                ChainGenerator.Config.defaults(CHAIN, 31).withLiveFilesTarget(300), 12_000);
        InMemoryStore reference = new InMemoryStore();
        InMemoryStore tinyStore = new InMemoryStore();
        InMemoryStore largeStore = new InMemoryStore();
        InMemoryStore noneStore = new InMemoryStore();
        // when: the same random batches; a bound of 3 keys per table evicts on nearly every batch
        GeneratedChains.applyInRandomBatches(chain, 5, 300, new InMemoryProjection(reference),
                new Cached(tinyStore, new RowCache(3)), new Cached(largeStore, new RowCache(50_000)),
                new Cached(noneStore, new RowCache(0)));
        // then
        var rows = new InMemoryQueries(reference).snapshot(CHAIN);
        assertThat(rows.files()).hasSizeGreaterThan(300);
        assertThat(new InMemoryQueries(tinyStore).snapshot(CHAIN)).isEqualTo(rows);
        assertThat(new InMemoryQueries(largeStore).snapshot(CHAIN)).isEqualTo(rows);
        assertThat(new InMemoryQueries(noneStore).snapshot(CHAIN)).isEqualTo(rows);
        assertThat(Recount.mismatches(rows)).isEmpty();
    }

    @Test
    void twoWritersTakingTurns_neverServeRowsTheOtherChanged() {
        // given: two processes' caches over one store, each applying every other batch
        GeneratedChains.Expected chain = GeneratedChains.generate(
                ChainGenerator.Config.defaults(CHAIN, 32).withLiveFilesTarget(200), 8_000);
        InMemoryStore reference = new InMemoryStore();
        InMemoryStore shared = new InMemoryStore();
        List<Projection> writers = List.of(new Cached(shared, new RowCache(50_000)),
                new Cached(shared, new RowCache(50_000)));
        Random random = new Random(9);
        List<Envelope> events = chain.events();
        // when
        int turn = 0;
        for (int from = 0; from < events.size(); turn++) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(200));
            Batch batch = Batch.of(events.subList(from, to));
            BatchResult expected = new InMemoryProjection(reference).apply(batch);
            assertThat(writers.get(turn % 2).apply(batch)).isEqualTo(expected);
            from = to;
        }
        // then
        assertThat(new InMemoryQueries(shared).snapshot(CHAIN)).isEqualTo(new InMemoryQueries(reference).snapshot(CHAIN));
    }

    @Test
    void aLaterBatch_readsFromStorageOnlyTheKeysItHasNotSeen() {
        // given
        ChainScript script = ChainScript.on(CHAIN);
        Counting storage = new Counting(new InMemoryStore());
        Cached projection = new Cached(storage, new RowCache(100));
        projection.apply(Batch.of(List.of(script.mspSignUp(1, 1), script.bspSignUp(2),
                script.newBucket(1, 1, 1, 1), script.newStorageRequest(1, 1, 1, "a/b.txt", 10))));
        storage.fileKeysRead.clear();
        // when: the same file, accepted and stored, then a file never seen
        script.nextBlock();
        BatchResult result = projection.apply(Batch.of(List.of(script.mspAccepted(1), script.bspConfirmed(2, 1),
                script.newStorageRequest(2, 1, 1, "a/c.txt", 20))));
        // then
        assertThat(result.counts().get(io.storagehub.projection.Outcome.Kind.APPLIED)).isEqualTo(3);
        assertThat(storage.fileKeysRead).containsExactly(ChainScript.file(2).hex());
    }

    @Test
    void aBatchThatIsNotPublished_leavesTheCacheAsItWas() {
        // given: a batch run but never committed (its changes neither written nor published)
        ChainScript script = ChainScript.on(CHAIN);
        InMemoryStore store = new InMemoryStore();
        RowCache cache = new RowCache(100);
        Cached projection = new Cached(store, cache);
        projection.apply(Batch.of(List.of(script.mspSignUp(1, 1), script.bspSignUp(2),
                script.newBucket(1, 1, 1, 1), script.newStorageRequest(1, 1, 1, "a/b.txt", 10))));
        script.nextBlock();
        Envelope accepted = script.mspAccepted(1);
        CachingLoader abandoned = cache.over(store);
        ProjectionEngine.run(Batch.of(List.of(accepted)), abandoned);
        // when: the same event again, for real
        BatchResult result = projection.apply(Batch.of(List.of(accepted)));
        // then
        assertThat(result.counts().get(io.storagehub.projection.Outcome.Kind.APPLIED)).isEqualTo(1);
        assertThat(new InMemoryQueries(store).snapshot(CHAIN).files().get(0).mspConfirmed()).isTrue();
    }

    /** The in-memory store as storage, with a cache in front: the JDBI adapter's arrangement (single-threaded). */
    private record Cached(InMemoryStore store, StateLoader storage, RowCache cache) implements Projection {
        Cached(InMemoryStore store, RowCache cache) {
            this(store, store, cache);
        }

        Cached(Counting counting, RowCache cache) {
            this(counting.store, counting, cache);
        }

        @Override
        public BatchResult apply(Batch batch) {
            CachingLoader loader = cache.over(storage);
            ProjectionEngine.Result run = ProjectionEngine.run(batch, loader);
            store.write(run.changes(), batch.checkpoint());
            cache.publish(loader, run.changes());
            return run.result();
        }

        @Override
        public Optional<SourceOffset> checkpoint(String topic, int partition) {
            return new InMemoryProjection(store).checkpoint(topic, partition);
        }

        @Override
        public Map<String, Position> chainPositions() {
            return new InMemoryProjection(store).chainPositions();
        }
    }

    /** Storage that notes every file key read. */
    private static final class Counting extends ForwardingLoader {
        final InMemoryStore store;
        final List<String> fileKeysRead = new ArrayList<>();

        Counting(InMemoryStore store) {
            this.store = store;
        }

        @Override
        protected StateLoader target() {
            return store;
        }

        @Override
        public Map<String, FileRow> files(String chain, Collection<String> keys) {
            fileKeysRead.addAll(keys);
            return store.files(chain, keys);
        }
    }
}
