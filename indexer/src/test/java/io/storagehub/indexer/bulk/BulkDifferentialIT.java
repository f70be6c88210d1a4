package io.storagehub.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Projection;
import io.storagehub.projection.ProjectionEngine;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.contract.ExpectedChanges;
import io.storagehub.projection.contract.GeneratedChains;
import io.storagehub.projection.contract.Recount;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.JdbiReadModelExport;
import io.storagehub.projection.jdbi.JdbiStorageQueries;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.projection.table.ChangeRows;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Bulk mode against the live path: the same generated chains (poison, duplicates, every lifecycle) in the same
 * random batches go to the in-memory adapter, to the JDBI adapter, and to the bulk state store, which is then
 * loaded with COPY into its own schema (its changes streamed there during the replay, as a bulk build does). Every
 * outcome matches the generator's verdict on all three, the bulk-built rows and changes equal the others row for
 * row, and every counter equals a recount from the rows.
 */
class BulkDifferentialIT {
    private static final List<String> CHAINS = List.of("bulk-alpha", "bulk-beta");
    /**
     * Entity rows the state holds before writing them to its store: a batch here writes up to a few hundred, so
     * rows are read back both from the heap and from the store, and flushes fall between and after batches.
     */
    private static final int HELD_ROWS = 300;

    @Test
    void bulkBuiltReadModel_equalsTheLiveBuiltOne_rowForRow() throws Exception {
        try (IsolatedSchema live = TestDatabase.isolatedSchema();
             IsolatedSchema bulk = TestDatabase.isolatedSchema();
             BulkState state = new BulkState(StateStore.openEmpty(Path.of("target", "bulk-state", bulk.name())),
                     HELD_ROWS);
             ChangeCopy changes = migratedChangeCopy(live, bulk)) {
            Jdbi liveJdbi = Databases.jdbi(live.dataSource());
            InMemoryStore memory = new InMemoryStore();
            for (int i = 0; i < CHAINS.size(); i++) {
                ChainGenerator.Config config = ChainGenerator.Config.defaults(CHAINS.get(i), 3000 + i)
                        .withLiveFilesTarget(1_500).withPoisonRate(0.02);
                GeneratedChains.applyInRandomBatches(GeneratedChains.generate(config, 8_000), 97 + i, 400,
                        new InMemoryProjection(memory), new JdbiProjection(liveJdbi), new StateProjection(state, changes));
            }

            new BulkLoad(bulk.dataSource(), bulk.name()).load(state, changes);

            InMemoryQueries reference = new InMemoryQueries(memory);
            JdbiReadModelExport liveRows = new JdbiReadModelExport(liveJdbi);
            JdbiReadModelExport bulkRows = new JdbiReadModelExport(Databases.jdbi(bulk.dataSource()));
            for (String chain : CHAINS) {
                ReadModelSnapshot rows = bulkRows.snapshot(chain);
                assertThat(rows.files()).hasSizeGreaterThan(1_000);
                assertThat(rows).isEqualTo(liveRows.snapshot(chain)).isEqualTo(reference.snapshot(chain));
                assertThat(Recount.mismatches(rows)).isEmpty();
                List<ChangeView> liveChanges = ExpectedChanges.walkChanges(new JdbiStorageQueries(liveJdbi), chain,
                        ChangeFilter.NONE, 1000);
                assertThat(liveChanges).hasSizeGreaterThan(6_000)
                        .isEqualTo(ExpectedChanges.walkChanges(reference, chain, ChangeFilter.NONE, 1000));
                assertThat(ExpectedChanges.walkChanges(new JdbiStorageQueries(Databases.jdbi(bulk.dataSource())),
                        chain, ChangeFilter.NONE, 1000)).isEqualTo(liveChanges);
            }
            assertThat(changeKeys(bulk)).hasSizeGreaterThan(30_000).isEqualTo(changeKeys(live));
            assertThat(new JdbiProjection(Databases.jdbi(bulk.dataSource())).chainPositions())
                    .isEqualTo(new JdbiProjection(liveJdbi).chainPositions());
            // the indexes and keys were built again after the load
            assertThat(indexes(bulk)).isEqualTo(indexes(live));
            // loaded frozen: every page of every loaded table is all-visible (counted by the load's ANALYZE)
            Map<String, long[]> pages = pages(bulk);
            assertThat(pages).containsKeys("file", "bucket", "file_bsp", "event_digest", "change", "change_key_0");
            assertThat(pages.get("file")[0]).isGreaterThan(10);
            pages.forEach((table, p) -> assertThat(p[1]).as("all-visible pages of " + table).isEqualTo(p[0]));
        }
    }

    /**
     * The pages and all-visible pages, as of their last ANALYZE, of the tables loaded with COPY (not those written row
     * by row: the dead letters during the replay, a row per chain and per source partition of positions).
     */
    /**
     * Migrates both schemas and opens the COPY of the bulk schema's changes (closed before the schemas are dropped,
     * so that a failing assertion reports instead of waiting on the COPY's locks).
     */
    private static ChangeCopy migratedChangeCopy(IsolatedSchema live, IsolatedSchema bulk) throws Exception {
        Migrations.migrate(live.dataSource(), live.name());
        Migrations.migrate(bulk.dataSource(), bulk.name());
        return ChangeCopy.open(new BulkLoad(bulk.dataSource(), bulk.name()));
    }

    private static Map<String, long[]> pages(IsolatedSchema schema) {
        Map<String, long[]> pages = new java.util.TreeMap<>();
        Databases.jdbi(schema.dataSource()).useHandle(h -> h.createQuery("""
                        SELECT c.relname, c.relpages, c.relallvisible FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = :s AND c.relkind = 'r' AND c.relname NOT IN ('dead_letter', 'chain_position', 'source_checkpoint', 'flyway_schema_history')""")
                .bind("s", schema.name())
                .map((rs, ctx) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .forEach(e -> pages.put(e.getKey(), e.getValue())));
        return pages;
    }

    private static List<String> changeKeys(IsolatedSchema schema) {
        return Databases.jdbi(schema.dataSource()).withHandle(h -> h.createQuery(
                "SELECT chain || ' ' || key || ' ' || block || ':' || event_index FROM ("
                        + ChangeRows.keyEntries("change_key") + ") e ORDER BY chain, key, block, event_index")
                .mapTo(String.class).list());
    }

    private static List<String> indexes(IsolatedSchema schema) {
        return Databases.jdbi(schema.dataSource()).withHandle(h -> h.createQuery(
                "SELECT indexname FROM pg_indexes WHERE schemaname = :s ORDER BY indexname")
                .bind("s", schema.name()).mapTo(String.class).list());
    }

    /** The bulk state as a {@link Projection}, as the bulk batch writer drives it. */
    private record StateProjection(BulkState state, ChangeCopy changes) implements Projection {
        @Override
        public BatchResult apply(Batch batch) {
            ProjectionEngine.Result run = ProjectionEngine.run(batch, state);
            state.write(run.changes(), batch.checkpoint());
            changes.add(run.changes());
            return run.result();
        }

        @Override
        public Optional<SourceOffset> checkpoint(String topic, int partition) {
            return state.checkpoint(topic, partition);
        }

        @Override
        public Map<String, Position> chainPositions() {
            return state.positions();
        }
    }
}
