package io.storagehub.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.projection.table.ChangeRows;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Bulk mode's COPY of the changes into a partitioned {@code change_key}: two chains at very different heights,
 * their batches interleaved, each crossing partitions as it goes, so that more partitions are loaded than are kept
 * open at once and the least recently used are finished and reopened.
 */
class ChangeCopyIT {
    private static final long SPAN = 131_072;
    private static final int BATCHES = 40;
    private static final int PER_BATCH = 25;

    @Test
    void keysOfChainsAtDifferentHeights_landInTheirBlocksPartitions_eachOnce() throws Exception {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            Migrations.migrate(schema.dataSource(), schema.name());
            BulkLoad load = new BulkLoad(schema.dataSource(), schema.name());
            Map<String, Long> expected = new TreeMap<>();
            long changes = 0;
            long keyRows = 0;
            // keys grouped over one batch's changes (two chains' PER_BATCH)
            try (ChangeCopy copy = ChangeCopy.open(load, 2 * PER_BATCH)) {
                for (int batch = 0; batch < BATCHES; batch++) {
                    // chain a climbs from block 0 by 2,000 blocks a change (16 partitions), chain b from block 10M by 1,000 (8)
                    Changes a = changes("a", 0, 2_000, batch);
                    Changes b = changes("b", 10_000_000, 1_000, batch);
                    copy.add(List.of(a, b));
                    for (Changes c : List.of(a, b)) {
                        // one key row per key of the batch, in the partition of the key's last change in it
                        Map<String, Long> lastBlockOfKey = new TreeMap<>();
                        for (RecordedChange r : c.changes()) {
                            r.keys().forEach(key -> lastBlockOfKey.put(key, r.view().position().block()));
                            changes++;
                        }
                        lastBlockOfKey.values().forEach(block -> expected.merge("change_key_" + block / SPAN, 1L,
                                Long::sum));
                        keyRows += lastBlockOfKey.size();
                    }
                }
                assertThat(keyRows).isLessThan(changes * 2); // the batches' keys of buckets were grouped
                assertThat(copy.finish()).isEqualTo(changes + keyRows);
                try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
                    for (BulkLoad.Index index : copy.indexes()) {
                        s.execute(index.create());
                    }
                }
            }

            Jdbi jdbi = Databases.jdbi(schema.dataSource());
            Map<String, Long> byPartition = new TreeMap<>();
            jdbi.useHandle(h -> h.createQuery("SELECT tableoid::regclass::text AS p, count(*) AS n FROM change_key"
                            + " GROUP BY 1").map((rs, ctx) -> Map.entry(rs.getString("p"), rs.getLong("n")))
                    .forEach(e -> byPartition.put(e.getKey(), e.getValue())));
            assertThat(expected).hasSizeGreaterThan(2 * 3); // more partitions than are loaded at once
            assertThat(byPartition).isEqualTo(expected);
            assertThat(count(jdbi, "SELECT count(*) FROM change")).isEqualTo(changes);
            // the primary key built again over every partition: each key row of each change once
            assertThat(count(jdbi, "SELECT count(*) FROM pg_partition_tree('change_key_pkey') WHERE isleaf"))
                    .isEqualTo(expected.size());
            assertThat(count(jdbi, "SELECT count(*) FROM (" + ChangeRows.keyEntries("change_key") + ") e"
                    + " JOIN change c ON c.chain = e.chain AND c.block = e.block AND c.event_index = e.event_index"))
                    .isEqualTo(changes * 2);
            // each partition loaded once, frozen: after ANALYZE, every page is all-visible
            jdbi.useHandle(h -> h.execute("ANALYZE change"));
            jdbi.useHandle(h -> h.execute("ANALYZE change_key"));
            assertThat(count(jdbi, "SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
                    + " AND relkind = 'r' AND relname LIKE 'change%' AND relpages > 0 AND relallvisible = relpages"))
                    .isEqualTo(expected.size() + 1);
        }
    }

    /** A key's changes in successive batches share one key row (not one per batch): the batches' size is moot. */
    @Test
    void keysOfSuccessiveBatches_shareTheirKeyRows() throws Exception {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            Migrations.migrate(schema.dataSource(), schema.name());
            try (ChangeCopy copy = ChangeCopy.open(new BulkLoad(schema.dataSource(), schema.name()))) {
                int batches = 8;
                for (int batch = 0; batch < batches; batch++) {
                    copy.add(List.of(changes("a", 0, 10, batch)));
                }
                long changes = (long) batches * PER_BATCH;
                // a row per file (one change each), one per bucket key (7 of them, under 100 changes each)
                assertThat(copy.finish()).isEqualTo(changes + changes + 7);
            }
        }
    }

    /**
     * The rows are written on a thread of their own: what fails there reaches the applying thread (at the next batch
     * handed over, or at the finish), with its cause.
     */
    @Test
    void aBatchThatCannotBeWritten_failsTheApplyingThread_withItsCause() throws Exception {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            Migrations.migrate(schema.dataSource(), schema.name());
            try (ChangeCopy copy = ChangeCopy.open(new BulkLoad(schema.dataSource(), schema.name()))) {
                copy.add(List.of(changes("a", 0, 10, 0)));
                assertThatThrownBy(() -> {
                    copy.add(List.of(changes("b", -1_000_000, 10, 0))); // no partition holds a negative block
                    copy.add(List.of(changes("a", 0, 10, 1)));
                    copy.finish();
                }).isInstanceOf(IllegalStateException.class).hasMessageContaining("change keys of block -")
                        .hasMessageContaining("is negative");
            }
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** {@link #PER_BATCH} changes of a file of {@code chain}, {@code step} blocks apart, two keys each. */
    private static Changes changes(String chain, long base, long step, int batch) {
        List<RecordedChange> recorded = new ArrayList<>();
        for (int i = 0; i < PER_BATCH; i++) {
            long n = (long) batch * PER_BATCH + i;
            String file = String.format("0x%064x", n);
            ChangeView view = new ChangeView(new Position(base + n * step, 0), String.format("0x%064x", n),
                    Instant.EPOCH, "FileSystem", "NewStorageRequest", "{}",
                    List.of(new ChangedEntity(EntityKind.FILE, file, List.of("status"))));
            recorded.add(new RecordedChange(view, List.of(RecordedChange.key(RecordedChange.FILE, file),
                    RecordedChange.key(RecordedChange.IN_BUCKET, String.format("0x%064x", n % 7)))));
        }
        return new Changes(chain, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null, List.of(), recorded);
    }
}
