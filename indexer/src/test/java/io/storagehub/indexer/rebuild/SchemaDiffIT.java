package io.storagehub.indexer.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The comparison of {@code rebuild --verify} reads whole tables: it must not be cut off by the statement timeout
 * the indexer's connections carry for the live path (a 10M-event rebuild failed its verify that way).
 */
class SchemaDiffIT {
    private static final int ROWS = 1_000_000;
    /** Well below what a digest of {@link #ROWS} rows takes (about 150 ms here). */
    private static final int TIMEOUT_MS = 20;
    private IsolatedSchema live;
    private IsolatedSchema rebuilt;

    @BeforeEach
    void twoSchemasWithALargeTable() throws SQLException {
        live = TestDatabase.isolatedSchema();
        rebuilt = TestDatabase.isolatedSchema();
        for (IsolatedSchema schema : new IsolatedSchema[] {live, rebuilt}) {
            try (Connection c = TestDatabase.adminDataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + schema.name() + ".item (id bigint PRIMARY KEY, label text NOT NULL)");
                s.execute("INSERT INTO " + schema.name() + ".item SELECT i, 'item ' || i FROM generate_series(1, "
                        + ROWS + ") i");
            }
        }
    }

    @AfterEach
    void dropSchemas() {
        live.close();
        rebuilt.close();
    }

    @Test
    void compare_digestsTablesThatTakeLongerThanTheStatementTimeout_andKeepsTheTimeoutAfterItsTransaction()
            throws SQLException {
        try (Connection c = TestDatabase.adminDataSource().getConnection();
             Connection second = TestDatabase.adminDataSource().getConnection()) {
            // given: connections with a short statement timeout, too short for a digest of the table
            for (Connection each : List.of(c, second)) {
                try (Statement s = each.createStatement()) {
                    s.execute("SET statement_timeout = " + TIMEOUT_MS);
                }
            }
            for (IsolatedSchema schema : List.of(live, rebuilt)) {
                assertThatThrownBy(() -> {
                    try (Statement s = second.createStatement()) {
                        s.executeQuery("SELECT count(*), sum(hash_record_extended(ROW(id, label), 0)) FROM "
                                + schema.name() + ".item").close();
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining("statement timeout");
            }

            // when: compared in a transaction, as the switch does, with a second connection from outside it
            c.setAutoCommit(false);
            VerifyReport report = SchemaDiff.compare(c, second, live.name(), rebuilt.name());
            c.commit();
            c.setAutoCommit(true);

            // then
            assertThat(report.identical()).isTrue();
            assertThat(report.tables()).singleElement().satisfies(t -> {
                assertThat(t.name()).isEqualTo("item");
                assertThat(t.liveRows()).isEqualTo(ROWS);
                assertThat(t.rebuiltRows()).isEqualTo(ROWS);
            });
            for (Connection each : List.of(c, second)) {
                assertThat(each.getAutoCommit()).isTrue();
                try (Statement s = each.createStatement();
                     ResultSet timeout = s.executeQuery("SHOW statement_timeout")) {
                    timeout.next();
                    assertThat(timeout.getString(1)).isEqualTo(TIMEOUT_MS + "ms");
                }
            }
        }
    }

    @Test
    void compare_findsOneChangedRowAmongAMillion_andShowsItOnEachSide() throws SQLException {
        try (Connection c = TestDatabase.adminDataSource().getConnection();
             Connection second = TestDatabase.adminDataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE " + rebuilt.name() + ".item SET label = 'item 500001 changed' WHERE id = 500001");
            }

            c.setAutoCommit(false);
            VerifyReport report = SchemaDiff.compare(c, second, live.name(), rebuilt.name());
            c.commit();

            assertThat(report.identical()).isFalse();
            assertThat(report.tables()).singleElement().satisfies(t -> {
                assertThat(t.liveRows()).isEqualTo(ROWS);
                assertThat(t.rebuiltRows()).isEqualTo(ROWS);
                assertThat(t.liveDigest()).isNotEqualTo(t.rebuiltDigest());
                assertThat(t.onlyLive()).containsExactly("(500001,\"item 500001\")");
                assertThat(t.onlyRebuilt()).containsExactly("(500001,\"item 500001 changed\")");
            });
        }
    }
}
