package io.storagehub.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.ChainUnitOfWork;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.StateLoader;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.testkit.chain.ChainGenerator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Prefetches} and the effects must not drift apart: every row an effect reads must have been named by the
 * batch's prefetch, or the unit of work fetches it alone, one round trip per row. Applies generated chains (every
 * lifecycle, poison, not-projected events) batch by batch and counts the loads made after the prefetch.
 */
class PrefetchesTest {
    private static final int BATCH = 200;

    /** Delegates to the store; once armed, records every load (what the prefetch missed). */
    private static final class Recorder implements StateLoader {
        private final StateLoader store;
        private final Map<String, Integer> missed = new TreeMap<>();
        private boolean armed;

        Recorder(StateLoader store) {
            this.store = store;
        }

        private <T> T missed(String table, Collection<?> keys, T rows) {
            if (armed) {
                missed.merge(table, keys.size(), Integer::sum);
            }
            return rows;
        }

        @Override
        public Optional<Position> lockChain(String chain) {
            return store.lockChain(chain);
        }

        @Override
        public Map<Position, Long> digests(String chain, Collection<Position> positions) {
            return store.digests(chain, positions);
        }

        @Override
        public Map<String, MspRow> msps(String chain, Collection<String> ids) {
            return missed("msp", ids, store.msps(chain, ids));
        }

        @Override
        public Map<String, BspRow> bsps(String chain, Collection<String> ids) {
            return missed("bsp", ids, store.bsps(chain, ids));
        }

        @Override
        public Map<ValuePropRow.Key, ValuePropRow> valueProps(String chain, Collection<ValuePropRow.Key> keys) {
            return missed("value_prop", keys, store.valueProps(chain, keys));
        }

        @Override
        public Map<String, BucketRow> buckets(String chain, Collection<String> ids) {
            return missed("bucket", ids, store.buckets(chain, ids));
        }

        @Override
        public Map<String, FileRow> files(String chain, Collection<String> keys) {
            return missed("file", keys, store.files(chain, keys));
        }

        @Override
        public Map<StreamRow.Key, StreamRow> streams(String chain, Collection<StreamRow.Key> keys) {
            return missed("payment_stream", keys, store.streams(chain, keys));
        }

        @Override
        public List<FileBspRow> associationsOfFiles(String chain, Collection<String> fileKeys) {
            return missed("file_bsp", fileKeys, store.associationsOfFiles(chain, fileKeys));
        }

        /** A BSP's files are found through the BSP: no event names them, so no prefetch can. */
        @Override
        public List<FileBspRow> associationsOfBsp(String chain, String bspId) {
            return store.associationsOfBsp(chain, bspId);
        }
    }

    @Test
    void everyRowTheEffectsRead_isNamedByTheBatchsPrefetch() {
        for (long seed = 1; seed <= 3; seed++) {
            // given: a generated chain with every lifecycle, poison and not-projected events
            String chain = "prefetch-" + seed;
            List<Envelope> events = new ChainGenerator(ChainGenerator.Config.defaults(chain, seed)
                    .withPoisonRate(0.05).withNotProjectedRate(0.05)).take(12_000);
            InMemoryStore store = new InMemoryStore();
            Recorder loader = new Recorder(store);
            // when: applied batch by batch, the prefetch first, then the effects with the recorder armed
            for (int from = 0; from < events.size(); from += BATCH) {
                List<Envelope> batch = events.subList(from, Math.min(events.size(), from + BATCH));
                ChainUnitOfWork uow = new ChainUnitOfWork(chain, loader);
                uow.preload(Prefetches.of(batch));
                loader.armed = true;
                Applier.apply(uow, batch);
                loader.armed = false;
                store.write(List.of(uow.changes()), Optional.empty());
            }
            // then
            assertThat(loader.missed).as("rows loaded one by one after the prefetch, by table (seed %d)", seed)
                    .isEmpty();
        }
    }

    @Test
    void theRecorder_seesARowThePrefetchDidNotName() {
        // given: a batch whose prefetch is left out
        List<Envelope> events = ChainGenerator.of("prefetch-check", 9).take(BATCH);
        InMemoryStore store = new InMemoryStore();
        Recorder loader = new Recorder(store);
        ChainUnitOfWork uow = new ChainUnitOfWork("prefetch-check", loader);
        // when
        loader.armed = true;
        Applier.apply(uow, new ArrayList<>(events.subList(0, 0)));
        uow.preload(Prefetches.of(events));
        // then: the recorder counts what was loaded while armed
        assertThat(loader.missed).isNotEmpty();
    }
}
