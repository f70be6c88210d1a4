package io.storagehub.bench.backfill;

import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Sql;
import io.storagehub.projection.table.ChangeRows;
import io.storagehub.projection.table.CopyText;
import io.storagehub.schema.migration.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The ceiling: the same final rows COPYed into a freshly migrated schema (indexes and constraints in place, as
 * the indexer finds them), in one transaction. Only the COPY and the commit are timed.
 */
public final class CopyLoad {
    private static final int CHUNK = 1 << 20;

    /** {@code rows}: rows loaded; {@code bytes}: COPY text sent. */
    public record Result(long rows, long bytes, Duration took) {
        public double rowsPerSecond() {
            return rows / (took.toNanos() / 1e9);
        }
    }

    private CopyLoad() {
    }

    /** Drops and migrates {@code schema}, then loads {@code tables} (name to rows, in order). */
    public static Result load(PgCluster pg, String schema, Map<String, CopyText> tables) throws SQLException {
        try (Connection c = pg.connect()) {
            Sql.dropSchema(c, schema);
        }
        Migrations.migrate(Sql.dataSource(pg), schema);
        long rows = 0;
        long bytes = 0;
        try (Connection c = pg.connect()) {
            Sql.useSchema(c, schema);
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            for (Map.Entry<String, CopyText> table : tables.entrySet()) {
                byte[] data = table.getValue().bytes();
                if (table.getKey().equals("change_key")) {
                    createKeyPartitions(c);
                }
                CopyIn in = copy.copyIn(statement(table.getKey()));
                for (int off = 0; off < data.length; off += CHUNK) {
                    in.writeToCopy(data, off, Math.min(CHUNK, data.length - off));
                }
                rows += in.endCopy();
                bytes += data.length;
            }
            c.commit();
            return new Result(rows, bytes, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Creates the partitions of {@code change_key} for the chains' blocks up to their positions (copied before it),
     * as the indexer creates them before its COPY.
     */
    public static void createKeyPartitions(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(ChangeRows.CREATE_KEY_PARTITIONS_TO_POSITIONS);
        }
    }

    /** The table's COPY statement: the change tables' from their one encoder, the others' from a resource. */
    private static String statement(String table) {
        return switch (table) {
            case "change" -> ChangeRows.COPY_CHANGES;
            case "change_key" -> ChangeRows.COPY_KEYS;
            default -> Sql.of(CopyLoad.class, table);
        };
    }
}
