package io.storagehub.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.contract.GeneratedChains;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.table.ChangeRows;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A bulk build keeps the changes it is asked to keep, and writes none to the change tables when asked not to. */
class BulkBuildChangesIT {
    private static final List<Envelope> EVENTS = GeneratedChains.generate(
            ChainGenerator.Config.defaults("bulk-changes", 5).withLiveFilesTarget(200), 2_000).events();

    @Test
    void withChangesOff_nothingReachesTheChangeTables_andTheirKeysAreStillThere() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            Jdbi jdbi = build(schema, false);

            assertThat(count(jdbi, "file")).isPositive();
            assertThat(count(jdbi, "change")).isZero();
            assertThat(count(jdbi, "change_key")).isZero();
            assertThat(primaryKeys(jdbi)).containsExactly("change_key_pkey", "change_pkey");
        }
    }

    @Test
    void withChangesOn_everyAppliedEventIsAChange_andTheKeysAreBuiltAgain() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            Jdbi jdbi = build(schema, true);

            assertThat(count(jdbi, "change")).isGreaterThan(1_500);
            // a change is found by several keys; changes of one key share a key row (V0010)
            long keyEntries = count(jdbi, "(" + ChangeRows.keyEntries("change_key") + ") e");
            assertThat(keyEntries).isGreaterThan(count(jdbi, "change"));
            assertThat(count(jdbi, "change_key")).isLessThan(keyEntries);
            assertThat(primaryKeys(jdbi)).containsExactly("change_key_pkey", "change_pkey");
        }
    }

    private static Jdbi build(IsolatedSchema schema, boolean changes) {
        Migrations.migrate(schema.dataSource(), schema.name());
        Jdbi jdbi = Databases.jdbi(schema.dataSource());
        try (BulkBuild build = BulkBuild.open(Path.of("target", "bulk-state", schema.name()), schema.dataSource(),
                jdbi, schema.name(), changes)) {
            for (int i = 0; i < EVENTS.size(); i += 500) {
                build.writer().write(Batch.of(EVENTS.subList(i, Math.min(EVENTS.size(), i + 500))), r -> List.of());
            }
            build.load();
        }
        return jdbi;
    }

    private static long count(Jdbi jdbi, String from) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + from).mapTo(Long.class).one());
    }

    private static List<String> primaryKeys(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conname FROM pg_constraint WHERE contype = 'p'"
                + " AND conrelid IN ('change'::regclass, 'change_key'::regclass) ORDER BY conname")
                .mapTo(String.class).list());
    }
}
