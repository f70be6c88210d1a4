package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class MigrationsIT {
    private static final List<String> TABLES = List.of("bsp", "bucket", "chain_position", "change", "change_key",
            "dead_letter",
            "event_digest", "file", "file_bsp", "msp", "payment_stream", "source_checkpoint", "value_prop");

    @Test
    void migrate_createsEveryTable_inAnEmptySchema() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            // given
            assertThat(Migrations.isUpToDate(schema.dataSource(), schema.name())).isFalse();

            // when
            Migrations.migrate(schema.dataSource(), schema.name());

            // then
            assertThat(tables(schema)).containsAll(TABLES);
            assertThat(Migrations.isUpToDate(schema.dataSource(), schema.name())).isTrue();
        }
    }

    @Test
    void migrate_isANoOp_whenTheSchemaIsUpToDate() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            // given
            Migrations.migrate(schema.dataSource(), schema.name());
            int applied = history(schema);

            // when
            Migrations.migrate(schema.dataSource(), schema.name());

            // then
            assertThat(history(schema)).isEqualTo(applied).isPositive();
            assertThat(Migrations.isUpToDate(schema.dataSource(), schema.name())).isTrue();
        }
    }

    @Test
    void migrate_createsTheSchema_whenItDoesNotExist() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            // given
            Jdbi.create(TestDatabase.adminDataSource())
                    .useHandle(h -> h.execute("DROP SCHEMA " + schema.name()));
            assertThat(Migrations.isUpToDate(schema.dataSource(), schema.name())).isFalse();

            // when
            Migrations.migrate(schema.dataSource(), schema.name());

            // then
            assertThat(tables(schema)).containsAll(TABLES);
        }
    }

    @Test
    void v0009_movesTheKeysOfAnExistingHistory_intoTheirBlockPartitions() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            // given: a schema at V0008 whose unpartitioned change_key holds keys of two chains
            Flyway.configure(MigrationsIT.class.getClassLoader()).dataSource(schema.dataSource())
                    .schemas(schema.name()).locations("classpath:db/migration").target("8").load().migrate();
            Jdbi jdbi = Jdbi.create(schema.dataSource());
            jdbi.useHandle(h -> h.execute("INSERT INTO change_key VALUES ('a', '\\x0401', 5, 0),"
                    + " ('a', '\\x0401', 300000, 1), ('b', '\\x0502', 131072, 3)"));

            // when
            Migrations.migrate(schema.dataSource(), schema.name());

            // then: every key kept, each in the partition of its block; the partitions the chains' ranges span exist
            List<String> keys = jdbi.withHandle(h -> h.createQuery("SELECT tableoid::regclass::text || ' ' || chain"
                    + " || ' ' || encode(key, 'hex') || ' ' || block || ' ' || event_index FROM change_key ORDER BY block")
                    .mapTo(String.class).list());
            List<String> partitions = jdbi.withHandle(h -> h.createQuery("SELECT relid::text"
                    + " FROM pg_partition_tree('change_key') WHERE isleaf ORDER BY 1").mapTo(String.class).list());
            assertThat(keys).containsExactly("change_key_0 a 0401 5 0", "change_key_1 b 0502 131072 3",
                    "change_key_2 a 0401 300000 1");
            assertThat(partitions).containsExactly("change_key_0", "change_key_1", "change_key_2");
            assertThat(tables(schema)).doesNotContain("change_key_unpartitioned");
        }
    }

    @Test
    void v0010_keepsTheKeysOfAnExistingHistory_asGroupsOfOneChange() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            // given: a schema at V0009 with a key's history of three changes, one key row each
            Flyway.configure(MigrationsIT.class.getClassLoader()).dataSource(schema.dataSource())
                    .schemas(schema.name()).locations("classpath:db/migration").target("9").load().migrate();
            Jdbi jdbi = Jdbi.create(schema.dataSource());
            jdbi.useHandle(h -> {
                h.execute("SELECT change_key_partitions('{0}', '{300000}')");
                for (long block : new long[] {5, 7, 300000}) {
                    h.execute("INSERT INTO change VALUES ('a', ?, 0, '0x01', now(), 'P', 'E', '{}', '')", block);
                    h.execute("INSERT INTO change_key VALUES ('a', '\\x0401', ?, 0)", block);
                }
            });

            // when
            Migrations.migrate(schema.dataSource(), schema.name());

            // then: each row finds its own change, in either order
            Map<String, Object> binds = Map.of("chain", "a", "key", "0401", "otherKeys", "{}", "afterBlock", 5L,
                    "afterIndex", 0L, "limit", 10);
            assertThat(blocks(jdbi, "filteredChanges", binds)).containsExactly(7L, 300000L);
            assertThat(blocks(jdbi, "historyDesc", Map.of("chain", "a", "key", "0401", "afterBlock", 300000L,
                    "afterIndex", 0L, "limit", 10))).containsExactly(7L, 5L);
            long single = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM change_key WHERE blocks IS NULL")
                    .mapTo(Long.class).one());
            assertThat(single).isEqualTo(3);
        }
    }

    private static List<Long> blocks(Jdbi jdbi, String query, Map<String, Object> binds) {
        return jdbi.withHandle(h -> h.createQuery(Sql.of(JdbiStorageQueries.class, query)).bindMap(binds)
                .map((rs, ctx) -> rs.getLong("block")).list());
    }

    private static List<String> tables(IsolatedSchema schema) {
        return Jdbi.create(TestDatabase.adminDataSource()).withHandle(h -> h.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema")
                .bind("schema", schema.name())
                .mapTo(String.class)
                .list());
    }

    private static int history(IsolatedSchema schema) {
        return Jdbi.create(schema.dataSource()).withHandle(h -> h.createQuery(
                "SELECT count(*) FROM flyway_schema_history WHERE success").mapTo(Integer.class).one());
    }
}
