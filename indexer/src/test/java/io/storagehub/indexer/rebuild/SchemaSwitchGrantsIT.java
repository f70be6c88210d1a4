package io.storagehub.indexer.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.projection.jdbi.Databases;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (least privilege across rebuilds): the switch carries the privileges other roles hold on the live schema
 * to the rebuilt one, so a read-only role keeps reading after a rebuild, gains nothing it did not have, and still
 * reads tables that later migrations create.
 */
class SchemaSwitchGrantsIT {
    private final String reader = "reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String password = "pw-" + UUID.randomUUID();
    private IsolatedSchema live;
    private IsolatedSchema rebuild;
    private String old;

    @BeforeEach
    void twoMigratedSchemasAndAReadOnlyRole() throws SQLException {
        live = TestDatabase.isolatedSchema();
        rebuild = TestDatabase.isolatedSchema();
        old = live.name() + "_old";
        Migrations.migrate(live.dataSource(), live.name());
        Migrations.migrate(rebuild.dataSource(), rebuild.name());
        admin("CREATE ROLE " + reader + " LOGIN PASSWORD '" + password + "'",
                "GRANT USAGE ON SCHEMA " + live.name() + " TO " + reader,
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + live.name() + " TO " + reader,
                "ALTER DEFAULT PRIVILEGES IN SCHEMA " + live.name() + " GRANT SELECT ON TABLES TO " + reader);
    }

    @AfterEach
    void dropEverything() throws SQLException {
        live.close();
        rebuild.close();
        admin("DROP SCHEMA IF EXISTS " + old + " CASCADE", "DROP OWNED BY " + reader, "DROP ROLE " + reader);
    }

    @Test
    void swap_carriesTheReadOnlyRolesPrivileges_toTheRebuiltSchema() throws SQLException {
        // given: the reader cannot see the rebuild schema before the switch
        assertThat(canSelect(rebuild.name() + ".chain_position")).isFalse();

        // when
        Jdbi jdbi = Databases.jdbi(TestDatabase.adminDataSource());
        Optional<String> renamed = SchemaSwitch.swap(jdbi, live.name(), rebuild.name(), old);

        // then: the live name (now the rebuilt schema) is readable, every table of it, and nothing more
        assertThat(renamed).contains(old);
        try (Connection c = readerConnection(); Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("SELECT count(*) FILTER (WHERE has_table_privilege(c.oid, 'SELECT')),"
                     + " count(*) FILTER (WHERE has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')),"
                     + " count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = '" + live.name() + "' AND c.relkind IN ('r', 'v')")) {
            tables.next();
            assertThat(tables.getInt(3)).isGreaterThan(5);
            assertThat(tables.getInt(1)).as("readable tables").isEqualTo(tables.getInt(3));
            assertThat(tables.getInt(2)).as("writable tables").isZero();
        }
        assertThat(canSelect(live.name() + ".chain_position")).isTrue();
        assertThatThrownBy(() -> {
            try (Connection c = readerConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + live.name() + ".intruder (id int)");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");

        // and a table a later migration creates in the new live schema is readable through the default privileges
        admin("CREATE TABLE " + live.name() + ".added_later (id int)");
        assertThat(canSelect(live.name() + ".added_later")).isTrue();
    }

    private boolean canSelect(String table) throws SQLException {
        try (Connection c = readerConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM " + table).close();
            return true;
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private Connection readerConnection() throws SQLException {
        return DriverManager.getConnection(TestDatabase.jdbcUrl(), reader, password);
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = TestDatabase.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
