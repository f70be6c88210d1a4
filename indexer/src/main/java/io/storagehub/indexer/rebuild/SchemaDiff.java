package io.storagehub.indexer.rebuild;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares two migrated read models table by table: row counts and an order-independent digest of the rows (the
 * sum of 60 bits of each row text's MD5, computed in Postgres, so nothing is sorted or shipped), then, for a
 * table that differs, a few rows found only on each side. Columns holding the wall-clock time of a write and the
 * outbox's ids and relay marks are left out; the checkpoint table is the same by construction.
 */
final class SchemaDiff {
    static final int SHOWN_ROWS = 5;
    private static final Set<String> SKIPPED_TABLES = Set.of("source_checkpoint", "flyway_schema_history");
    private static final Set<String> WALL_CLOCK_COLUMNS = Set.of("updated_at", "created_at");
    private static final Map<String, Set<String>> SKIPPED_COLUMNS = Map.of("dead_letter", Set.of("id", "published"));

    private SchemaDiff() {
    }

    /**
     * Compares in the caller's transaction, without its statement timeout for the rest of it ({@code SET LOCAL}):
     * the configured timeout bounds the live path's statements, while a digest reads a whole table (minutes at tens
     * of millions of rows).
     */
    static VerifyReport compare(Connection c, String live, String rebuilt) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = 0");
        }
        List<VerifyReport.Table> tables = new ArrayList<>();
        for (String table : tables(c, live)) {
            if (SKIPPED_TABLES.contains(table)) {
                continue;
            }
            String row = rowText(c, live, table);
            long[] liveCount = new long[1];
            long[] rebuiltCount = new long[1];
            String liveDigest = digest(c, live, table, row, liveCount);
            String rebuiltDigest = tables(c, rebuilt).contains(table)
                    ? digest(c, rebuilt, table, row, rebuiltCount) : "missing";
            boolean same = liveCount[0] == rebuiltCount[0] && liveDigest.equals(rebuiltDigest);
            List<String> onlyLive = same || rebuiltDigest.equals("missing") ? List.of()
                    : onlyIn(c, live, rebuilt, table, row);
            List<String> onlyRebuilt = same || rebuiltDigest.equals("missing") ? List.of()
                    : onlyIn(c, rebuilt, live, table, row);
            tables.add(new VerifyReport.Table(table, liveCount[0], rebuiltCount[0], liveDigest, rebuiltDigest,
                    onlyLive, onlyRebuilt));
        }
        return new VerifyReport(live, rebuilt, tables);
    }

    private static List<String> tables(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + literal(schema) + " AND table_type = 'BASE TABLE' ORDER BY table_name");
    }

    /** The row as text, of the columns that must be equal (names from the catalog, quoted). */
    private static String rowText(Connection c, String schema, String table) throws SQLException {
        Set<String> skipped = SKIPPED_COLUMNS.getOrDefault(table, Set.of());
        List<String> columns = strings(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                + literal(schema) + " AND table_name = " + literal(table) + " ORDER BY ordinal_position");
        return "ROW(" + columns.stream().filter(col -> !WALL_CLOCK_COLUMNS.contains(col) && !skipped.contains(col))
                .map(SchemaDiff::identifier).collect(Collectors.joining(", ")) + ")::text";
    }

    private static String digest(Connection c, String schema, String table, String row, long[] count)
            throws SQLException {
        String sql = "SELECT count(*), coalesce(sum(('x' || substr(md5(r), 1, 15))::bit(60)::bigint), 0)::text"
                + " FROM (SELECT " + row + " AS r FROM " + identifier(schema) + "." + identifier(table) + ") t";
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            count[0] = rows.getLong(1);
            return rows.getString(2);
        }
    }

    private static List<String> onlyIn(Connection c, String schema, String other, String table, String row)
            throws SQLException {
        return strings(c, "(SELECT " + row + " FROM " + identifier(schema) + "." + identifier(table)
                + " EXCEPT ALL SELECT " + row + " FROM " + identifier(other) + "." + identifier(table) + ") LIMIT "
                + SHOWN_ROWS);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
