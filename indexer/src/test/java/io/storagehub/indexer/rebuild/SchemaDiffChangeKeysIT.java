package io.storagehub.indexer.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code change_key} compared by the (key, change) pairs its rows hold (V0010): a live-built and a rebuilt schema
 * group a key's changes by different batches, which is no difference; a pair missing on one side is.
 */
class SchemaDiffChangeKeysIT {
    private IsolatedSchema live;
    private IsolatedSchema rebuilt;

    @BeforeEach
    void twoMigratedSchemas() throws SQLException {
        live = TestDatabase.isolatedSchema();
        rebuilt = TestDatabase.isolatedSchema();
        for (IsolatedSchema schema : new IsolatedSchema[] {live, rebuilt}) {
            Migrations.migrate(schema.dataSource(), schema.name());
            execute("SET search_path TO " + schema.name() + "; SELECT change_key_partitions('{0}', '{10}')");
        }
        // the key's changes at blocks 1, 2, 3 and 5: in one group live, in a group and single rows rebuilt
        execute("INSERT INTO " + live.name() + ".change_key VALUES ('c', '\\x01aa', 5, 0, '{1,2,3,5}', '{0,0,0,0}')");
        execute("INSERT INTO " + rebuilt.name() + ".change_key VALUES ('c', '\\x01aa', 2, 0, '{1,2}', '{0,0}'),"
                + " ('c', '\\x01aa', 3, 0, NULL, NULL), ('c', '\\x01aa', 5, 0, NULL, NULL)");
    }

    @AfterEach
    void dropSchemas() {
        live.close();
        rebuilt.close();
    }

    @Test
    void theSameChangesOfAKey_groupedDifferently_areIdentical() throws SQLException {
        VerifyReport report = compare();

        assertThat(report.identical()).isTrue();
        assertThat(report.tables()).filteredOn(t -> t.name().equals("change_key")).singleElement().satisfies(t -> {
            assertThat(t.liveRows()).isEqualTo(4);
            assertThat(t.rebuiltRows()).isEqualTo(4);
        });
    }

    @Test
    void aChangeOfAKeyMissingOnOneSide_isShown() throws SQLException {
        execute("UPDATE " + rebuilt.name() + ".change_key SET blocks = NULL, event_indexes = NULL WHERE block = 2");

        VerifyReport report = compare();

        assertThat(report.identical()).isFalse();
        assertThat(report.tables()).filteredOn(t -> t.name().equals("change_key")).singleElement().satisfies(t -> {
            assertThat(t.rebuiltRows()).isEqualTo(3);
            assertThat(t.onlyLive()).containsExactly("(c,\"\\\\x01aa\",1,0)");
            assertThat(t.onlyRebuilt()).isEmpty();
        });
    }

    private VerifyReport compare() throws SQLException {
        try (Connection c = TestDatabase.adminDataSource().getConnection();
             Connection second = TestDatabase.adminDataSource().getConnection()) {
            c.setAutoCommit(false);
            VerifyReport report = SchemaDiff.compare(c, second, live.name(), rebuilt.name());
            c.commit();
            return report;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestDatabase.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
