package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.indexer.cli.IndexerCli;
import io.storagehub.indexer.retry.FatalFailure;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A schema that does not match the code stops the indexer at start-up with a clear message. */
class SchemaMismatchIT {

    @Test
    void run_withNoMigrateOnAnUnmigratedSchema_exitsNonZero_sayingWhatToDo() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            // given
            StringWriter err = new StringWriter();
            Map<String, String> env = Map.of(
                    "STORAGEHUB_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers(),
                    "STORAGEHUB_DB_URL", schema.jdbcUrl(),
                    "STORAGEHUB_DB_USER", schema.user(),
                    "STORAGEHUB_DB_PASSWORD", schema.password(),
                    "STORAGEHUB_DB_SCHEMA", schema.name());
            // when
            int code = IndexerCli.execute(env, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    "run", "--no-migrate", "--http-port", "0");
            // then
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("fatal:", schema.name(), "not migrated", "--migrate");
        }
    }

    @Test
    void schemaMigratedByANewerIndexer_isFatal() throws Exception {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema();
             Testbed testbed = new Testbed(1, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(),
                     schema.name()), 10)) {
            // given
            Migrations.migrate(schema.dataSource(), schema.name());
            try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                        + "checksum, installed_by, execution_time, success) "
                        + "VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'test', 0, true)");
            }
            // when / then
            assertThatThrownBy(testbed::startIndexer)
                    .isInstanceOf(FatalFailure.class)
                    .hasMessageContaining("newer than this indexer")
                    .hasMessageContaining("999");
        }
    }
}
