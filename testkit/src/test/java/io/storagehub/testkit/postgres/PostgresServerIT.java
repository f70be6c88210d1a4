package io.storagehub.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    @Test
    void restart_keepsPortAndData_inTheGivenDataDirectory(@TempDir Path dataDir) throws SQLException {
        // given
        try (PostgresServer server = PostgresServer.start(Optional.of(dataDir), 0)) {
            int port = server.port();
            execute(server, "CREATE TABLE kept (id int PRIMARY KEY, label text)");
            execute(server, "INSERT INTO kept VALUES (1, 'before restart')");

            // when
            server.stop();

            // then
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> execute(server, "SELECT 1")).isInstanceOf(SQLException.class);

            // when
            server.start();

            // then
            assertThat(server.port()).isEqualTo(port);
            assertThat(queryLabel(server)).isEqualTo("before restart");
        }
        assertThat(dataDir.resolve("PG_VERSION")).as("a given data dir is never deleted").exists();
    }

    @Test
    void startingAgainOnAnExistingDataDirectory_seesEarlierData(@TempDir Path dataDir) throws SQLException {
        // given
        try (PostgresServer first = PostgresServer.start(Optional.of(dataDir), 0)) {
            execute(first, "CREATE TABLE kept (id int PRIMARY KEY, label text)");
            execute(first, "INSERT INTO kept VALUES (1, 'first server')");
        }

        // when
        try (PostgresServer second = PostgresServer.start(Optional.of(dataDir), 0)) {
            // then
            assertThat(queryLabel(second)).isEqualTo("first server");
        }
    }

    @Test
    void close_deletesATemporaryDataDirectory() {
        // given
        PostgresServer server = PostgresServer.start(Optional.empty(), 0);
        Path dataDir = server.dataDir();
        assertThat(dataDir).exists();

        // when
        server.close();

        // then
        assertThat(dataDir).doesNotExist();
    }

    private static void execute(PostgresServer server, String sql) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryLabel(PostgresServer server) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT label FROM kept WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static Connection connect(PostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
    }
}
