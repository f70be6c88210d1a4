package io.storagehub.indexer.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.jdbi.Databases;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Row counts and bytes of the read model's tables from a real Postgres catalog. */
class ReadModelSizesIT {
    private IsolatedSchema schema;
    private Jdbi jdbi;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.isolatedSchema();
        Migrations.migrate(schema.dataSource(), schema.name());
        jdbi = Databases.jdbi(schema.dataSource());
        jdbi.useHandle(h -> h.execute("INSERT INTO " + schema.name() + ".source_checkpoint (topic, partition, "
                + "next_offset) SELECT 'events', p, 1 FROM generate_series(0, 49) AS p"));
    }

    @AfterEach
    void tearDown() {
        schema.close();
    }

    @Test
    void smallTables_areCountedExactly_evenBeforeAnalyze() {
        // when
        ReadModelSize size = jdbi.withHandle(h -> ReadModelSizes.read(h, schema.name()));
        // then
        ReadModelSize.Table checkpoints = table(size, "source_checkpoint");
        assertThat(checkpoints.rows()).isEqualTo(50);
        assertThat(checkpoints.rowsEstimated()).isFalse();
        assertThat(checkpoints.bytes()).isPositive();
        assertThat(table(size, "file").rows()).isZero();
        assertThat(size.tables()).extracting(ReadModelSize.Table::name).contains("msp", "bucket", "dead_letter")
                .doesNotContain("file_view");
        assertThat(size.databaseBytes()).isGreaterThanOrEqualTo(size.schemaBytes());
    }

    @Test
    void tablesAtTheThreshold_takeThePlannersEstimate() {
        // given: statistics, and a threshold the table reaches
        jdbi.useHandle(h -> h.execute("ANALYZE " + schema.name() + ".source_checkpoint"));
        jdbi.useHandle(h -> h.execute("INSERT INTO " + schema.name() + ".source_checkpoint (topic, partition, "
                + "next_offset) VALUES ('events', 50, 1)"));
        // when
        ReadModelSize size = jdbi.withHandle(h -> ReadModelSizes.read(h, schema.name(), 10));
        // then: the estimate as of ANALYZE, not the count
        ReadModelSize.Table checkpoints = table(size, "source_checkpoint");
        assertThat(checkpoints.rowsEstimated()).isTrue();
        assertThat(checkpoints.rows()).isEqualTo(50);
    }

    @Test
    void thePartitionedKeyTable_isOneTable_itsPartitionsSummed() {
        // given: change_key rows in two of its partitions
        jdbi.useHandle(h -> {
            h.execute("SELECT change_key_partitions('{0}', '{200000}')");
            h.execute("INSERT INTO change_key VALUES ('c', '\\x01', 1, 0), ('c', '\\x01', 2, 0),"
                    + " ('c', '\\x01', 150000, 0)");
        });
        // when
        ReadModelSize counted = jdbi.withHandle(h -> ReadModelSizes.read(h, schema.name()));
        jdbi.useHandle(h -> h.execute("ANALYZE change_key"));
        ReadModelSize estimated = jdbi.withHandle(h -> ReadModelSizes.read(h, schema.name(), 1));
        // then
        assertThat(counted.tables()).extracting(ReadModelSize.Table::name).contains("change_key")
                .noneMatch(name -> name.startsWith("change_key_"));
        long oneIndexedPartition = jdbi.withHandle(h -> h.createQuery("SELECT pg_total_relation_size('change_key_0')")
                .mapTo(Long.class).one());
        assertThat(table(counted, "change_key").rows()).isEqualTo(3);
        assertThat(table(counted, "change_key").bytes()).isGreaterThan(oneIndexedPartition);
        assertThat(table(estimated, "change_key").rowsEstimated()).isTrue();
        assertThat(table(estimated, "change_key").rows()).isEqualTo(3);
    }

    private static ReadModelSize.Table table(ReadModelSize size, String name) {
        return size.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
