package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.util.List;
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
