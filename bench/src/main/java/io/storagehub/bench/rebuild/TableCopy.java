package io.storagehub.bench.rebuild;

import io.storagehub.bench.backfill.CopyLoad;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Sql;
import io.storagehub.schema.migration.Migrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The COPY ceiling of a schema's resulting rows: every table the indexer writes is copied out (binary) to a file,
 * then the files are COPYed into a freshly migrated schema in one transaction; only the load and its commit are
 * timed.
 */
public final class TableCopy {
    /** The tables the indexer writes, in a load order. */
    public static final List<String> TABLES = List.of("msp", "value_prop", "bsp", "bucket", "file", "file_bsp",
            "payment_stream", "chain_position", "event_digest", "source_checkpoint", "dead_letter", "change", "change_key");

    private TableCopy() {
    }

    public static CopyLoad.Result copy(PgCluster pg, String fromSchema, String toSchema, Path dir)
            throws SQLException, IOException {
        Files.createDirectories(dir);
        try (Connection c = pg.connect()) {
            Sql.useSchema(c, fromSchema);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TABLES) {
                try (OutputStream out = Files.newOutputStream(dir.resolve(table + ".bin"))) {
                    copy.copyOut(statement(c, "copyOut", table), out);
                }
            }
            Sql.dropSchema(c, toSchema);
        }
        Migrations.migrate(Sql.dataSource(pg), toSchema);
        long rows = 0;
        long bytes = 0;
        try (Connection c = pg.connect()) {
            Sql.useSchema(c, toSchema);
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            for (String table : TABLES) {
                Path file = dir.resolve(table + ".bin");
                if (table.equals("change_key")) {
                    CopyLoad.createKeyPartitions(c);
                }
                try (InputStream in = Files.newInputStream(file)) {
                    rows += copy.copyIn(statement(c, "copyIn", table), in, 1 << 20);
                }
                bytes += Files.size(file);
            }
            c.commit();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Sql.dropSchema(c, toSchema);
            c.commit();
            return new CopyLoad.Result(rows, bytes, took);
        } finally {
            for (String table : TABLES) {
                Files.deleteIfExists(dir.resolve(table + ".bin"));
            }
        }
    }

    /** The COPY statement for a table, its name quoted by Postgres ({@code format}'s %I). */
    private static String statement(Connection c, String kind, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.of(TableCopy.class, kind))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
