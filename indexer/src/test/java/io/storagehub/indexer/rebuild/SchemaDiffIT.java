package io.storagehub.indexer.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The comparison of {@code rebuild --verify} reads whole tables: it must not be cut off by the statement timeout
 * the indexer's connections carry for the live path (a 10M-event rebuild failed its verify that way).
 */
class SchemaDiffIT {
    private static final int ROWS = 1_000_000;
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
        try (Connection c = TestDatabase.adminDataSource().getConnection()) {
            // given: a connection with a short statement timeout, too short for a digest of the table
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = 100");
            }
            assertThatThrownBy(() -> {
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT sum(('x' || substr(md5(ROW(id, label)::text), 1, 15))::bit(60)::bigint)"
                            + " FROM " + live.name() + ".item").close();
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("statement timeout");

            // when: compared in a transaction, as the switch does
            c.setAutoCommit(false);
            VerifyReport report = SchemaDiff.compare(c, live.name(), rebuilt.name());
            c.commit();
            c.setAutoCommit(true);

            // then
            assertThat(report.identical()).isTrue();
            assertThat(report.tables()).singleElement().satisfies(t -> {
                assertThat(t.name()).isEqualTo("item");
                assertThat(t.liveRows()).isEqualTo(ROWS);
                assertThat(t.rebuiltRows()).isEqualTo(ROWS);
            });
            try (Statement s = c.createStatement(); ResultSet timeout = s.executeQuery("SHOW statement_timeout")) {
                timeout.next();
                assertThat(timeout.getString(1)).isEqualTo("100ms");
            }
        }
    }
}
