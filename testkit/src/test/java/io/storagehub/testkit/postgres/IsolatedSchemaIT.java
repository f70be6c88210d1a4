package io.storagehub.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class IsolatedSchemaIT {

    @Test
    void isolatedSchemas_doNotSeeEachOthersTables() throws SQLException {
        try (IsolatedSchema a = TestDatabase.isolatedSchema(); IsolatedSchema b = TestDatabase.isolatedSchema()) {
            // given
            assertThat(a.name()).matches("t_[a-z0-9]{12}").isNotEqualTo(b.name());
            execute(a.dataSource(), "CREATE TABLE things (id int)");
            execute(a.dataSource(), "INSERT INTO things VALUES (1), (2)");

            // when
            String seenFromA = regclass(a.dataSource(), "things");
            String seenFromB = regclass(b.dataSource(), "things");

            // then
            assertThat(seenFromA).isEqualTo("things");
            assertThat(seenFromB).isNull();
            assertThat(a.jdbcUrl()).contains("currentSchema=" + a.name());
        }
    }

    @Test
    void close_dropsTheSchemaWithItsTables() throws SQLException {
        // given
        IsolatedSchema schema = TestDatabase.isolatedSchema();
        execute(schema.dataSource(), "CREATE TABLE things (id int)");
        assertThat(schemaExists(schema.name())).isTrue();

        // when
        schema.close();

        // then
        assertThat(schemaExists(schema.name())).isFalse();
    }

    private static boolean schemaExists(String name) throws SQLException {
        DataSource admin = TestDatabase.adminDataSource();
        try (Connection c = admin.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private static String regclass(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::text")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
