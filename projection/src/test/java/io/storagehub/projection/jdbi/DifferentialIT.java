package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Projection;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.StorageQueries;
import io.storagehub.projection.contract.ExpectedChanges;
import io.storagehub.projection.contract.GeneratedChains;
import io.storagehub.projection.contract.Recount;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderView;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.testkit.chain.ChainGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The in-memory and the JDBI adapters fed the same generated chains in the same random batches: every row and
 * every query answer must be equal, and every counter must equal a recount from the rows.
 */
class DifferentialIT {
    private static final List<String> CHAINS = List.of("diff-alpha", "diff-beta");

    @Test
    void bothAdapters_holdTheSameRows_andAnswerEveryQueryTheSame() {
        try (MigratedSchema db = MigratedSchema.create()) {
            Jdbi jdbi = db.jdbi;
            InMemoryStore store = new InMemoryStore();
            InMemoryQueries memory = new InMemoryQueries(store);
            JdbiStorageQueries postgres = new JdbiStorageQueries(jdbi);
            JdbiReadModelExport postgresRows = new JdbiReadModelExport(jdbi);

            for (int i = 0; i < CHAINS.size(); i++) {
                ChainGenerator.Config config = ChainGenerator.Config.defaults(CHAINS.get(i), 1000 + i)
                        .withLiveFilesTarget(1_500).withPoisonRate(0.02);
                GeneratedChains.applyInRandomBatches(GeneratedChains.generate(config, 8_000), 77 + i, 400,
                        new InMemoryProjection(store), new JdbiProjection(jdbi));
            }

            assertThat(chains(postgres)).isEqualTo(chains(memory));
            for (String chain : CHAINS) {
                ReadModelSnapshot rows = memory.snapshot(chain);
                assertThat(rows.files()).hasSizeGreaterThan(1_000);
                assertThat(postgresRows.snapshot(chain)).isEqualTo(rows);
                assertThat(Recount.mismatches(rows)).isEmpty();
                assertSameAnswers(chain, rows, memory, postgres);
                assertThat(ExpectedChanges.walkChanges(postgres, chain, ChangeFilter.NONE, 997))
                        .isEqualTo(ExpectedChanges.walkChanges(memory, chain, ChangeFilter.NONE, 1000));
            }
        }
    }

    @Test
    void bothAdapters_keepExactlyTheChangesComputedFromTheViewsBeforeAndAfterEachEvent() {
        try (MigratedSchema db = MigratedSchema.create()) {
            Jdbi jdbi = db.jdbi;
            InMemoryStore store = new InMemoryStore();
            InMemoryQueries memory = new InMemoryQueries(store);
            String chain = "diff-changes";
            ChainGenerator.Config config = ChainGenerator.Config.defaults(chain, 4242)
                    .withLiveFilesTarget(250).withPoisonRate(0.03);
            GeneratedChains.Expected generated = GeneratedChains.generate(config, 3_000);
            GeneratedChains.applyInRandomBatches(generated, 99, 300, new InMemoryProjection(store),
                    new JdbiProjection(jdbi));

            ExpectedChanges expected = ExpectedChanges.of(chain, generated.events());
            ReadModelSnapshot rows = memory.snapshot(chain);

            assertThat(expected.changes()).hasSizeGreaterThan(2_000);
            assertThat(expected.views()).flatMap(c -> c.entities()).extracting(e -> e.kind())
                    .contains(EntityKind.values());
            expected.assertHeldBy(memory, chain, rows);
            expected.assertHeldBy(new JdbiStorageQueries(jdbi), chain, rows);
        }
    }

    @Test
    void batchesPreparedWhileTheOneBeforeCommits_holdTheSameRowsAndChanges() throws Exception {
        try (MigratedSchema db = MigratedSchema.create(); Pipelined pipelined = new Pipelined(db.jdbi)) {
            InMemoryStore store = new InMemoryStore();
            InMemoryQueries memory = new InMemoryQueries(store);
            String chain = "diff-pipelined";
            ChainGenerator.Config config = ChainGenerator.Config.defaults(chain, 4343)
                    .withLiveFilesTarget(600).withPoisonRate(0.02);
            GeneratedChains.applyInRandomBatches(GeneratedChains.generate(config, 8_000), 55, 300,
                    new InMemoryProjection(store), pipelined);
            pipelined.finish();

            ReadModelSnapshot rows = memory.snapshot(chain);
            assertThat(rows.files()).hasSizeGreaterThan(500);
            assertThat(new JdbiReadModelExport(db.jdbi).snapshot(chain)).isEqualTo(rows);
            assertThat(ExpectedChanges.walkChanges(new JdbiStorageQueries(db.jdbi), chain, ChangeFilter.NONE, 997))
                    .isEqualTo(ExpectedChanges.walkChanges(memory, chain, ChangeFilter.NONE, 1000));
        }
    }

    /** The live indexer's pipeline: each batch is prepared while the one before it commits on another thread. */
    private static final class Pipelined implements Projection, AutoCloseable {
        private final JdbiProjection projection;
        private final ExecutorService writer = Executors.newSingleThreadExecutor();
        private Future<BatchResult> committing;

        Pipelined(Jdbi jdbi) {
            projection = new JdbiProjection(jdbi, JdbiProjection.LIVE, 200); // evicts: reads go through the overlay
        }

        @Override
        public BatchResult apply(Batch batch) {
            JdbiProjection.Prepared prepared = projection.prepare(batch);
            finish();
            committing = writer.submit(() -> projection.commit(prepared, TransactionHook.NONE));
            return prepared.run().result();
        }

        void finish() {
            if (committing != null) {
                try {
                    committing.get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
                committing = null;
            }
        }

        @Override
        public Optional<SourceOffset> checkpoint(String topic, int partition) {
            finish();
            return projection.checkpoint(topic, partition);
        }

        @Override
        public Map<String, Position> chainPositions() {
            finish();
            return projection.chainPositions();
        }

        @Override
        public void close() {
            writer.shutdownNow();
        }
    }

    private static List<String> chains(StorageQueries q) {
        return q.chains().stream().map(c -> c.chain() + "@" + c.lastPosition()).toList();
    }

    private static void assertSameAnswers(String chain, ReadModelSnapshot rows, StorageQueries a, StorageQueries b) {
        same(a, b, q -> q.chain(chain).map(ChainView::lastPosition));
        same(a, b, q -> walk(p -> q.msps(chain, p), 7));
        same(a, b, q -> walk(p -> q.bsps(chain, p), 3));
        for (var msp : rows.msps()) {
            ProviderId id = msp.msp().mspId();
            same(a, b, q -> q.msp(chain, id));
            same(a, b, q -> walk(p -> q.mspBuckets(chain, id, p), 13));
            same(a, b, q -> walk(p -> q.providerPaymentStreams(chain, id, p), 5));
        }
        for (var bsp : rows.bsps()) {
            ProviderId id = bsp.bspId();
            same(a, b, q -> q.bsp(chain, id));
            same(a, b, q -> walk(p -> q.bspFiles(chain, id, p), 97));
            same(a, b, q -> walk(p -> q.providerPaymentStreams(chain, id, p), 5));
        }
        Set<AccountId> accounts = new TreeSet<>();
        rows.buckets().forEach(bucket -> accounts.add(bucket.owner()));
        rows.files().forEach(file -> accounts.add(file.owner()));
        rows.streams().forEach(stream -> accounts.add(stream.userAccount()));
        for (AccountId account : accounts) {
            same(a, b, q -> walk(p -> q.accountBuckets(chain, account, p), 4));
            same(a, b, q -> walk(p -> q.accountFiles(chain, account, p), 50));
            same(a, b, q -> walk(p -> q.accountPaymentStreams(chain, account, p), 3));
        }
        for (var bucket : rows.buckets()) {
            same(a, b, q -> q.bucket(chain, bucket.bucketId()));
            same(a, b, q -> walk(p -> q.bucketFiles(chain, bucket.bucketId(), "", false, p), 33));
            same(a, b, q -> walk(p -> q.bucketFiles(chain, bucket.bucketId(), "", true, p), 10));
            List<String> folders = new ArrayList<>(List.of(""));
            for (int i = 0; i < folders.size() && i < 20; i++) {
                String path = folders.get(i);
                same(a, b, q -> q.tree(chain, bucket.bucketId(), path, PageRequest.first(1000)));
                same(a, b, q -> walk(p -> q.bucketFiles(chain, bucket.bucketId(), path, false, p), 17));
                a.tree(chain, bucket.bucketId(), path, PageRequest.first(10)).folders().stream()
                        .map(FolderView::path).forEach(folders::add);
            }
        }
        for (FileView file : rows.files()) {
            same(a, b, q -> q.file(chain, file.fileKey()));
        }
    }

    private static <T> void same(StorageQueries a, StorageQueries b, Function<StorageQueries, T> query) {
        T expected = query.apply(a);
        assertThat(query.apply(b)).isEqualTo(expected);
    }

    private static <T> List<T> walk(Function<PageRequest, Page<T>> query, int limit) {
        List<T> all = new ArrayList<>();
        Optional<SortKey> after = Optional.empty();
        do {
            Page<T> page = query.apply(new PageRequest(limit, after));
            all.addAll(page.items());
            after = page.nextKey();
        } while (after.isPresent());
        return all;
    }
}
