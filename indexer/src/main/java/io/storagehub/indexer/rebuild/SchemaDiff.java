package io.storagehub.indexer.rebuild;

import io.storagehub.projection.table.ChangeRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Compares two migrated read models table by table: row counts and an order-independent digest of the rows (the
 * sum of a 64-bit hash of each row, {@code hash_record_extended}, computed in Postgres, so nothing is sorted or
 * shipped), then, for a table that differs, a few rows found only on each side. Columns holding the wall-clock time
 * of a write and the outbox's ids and relay marks are left out; the checkpoint table is the same by construction;
 * {@code change_key} is compared as the (key, change) pairs its rows hold, whatever their grouping.
 */
final class SchemaDiff {
    static final int SHOWN_ROWS = 5;
    private static final Set<String> SKIPPED_TABLES = Set.of("source_checkpoint", "flyway_schema_history");
    private static final Set<String> WALL_CLOCK_COLUMNS = Set.of("updated_at", "created_at");
    private static final Map<String, Set<String>> SKIPPED_COLUMNS = Map.of("dead_letter", Set.of("id", "published"),
            "change_key", Set.of("blocks", "event_indexes"));

    private SchemaDiff() {
    }

    /**
     * Compares in {@code locked}'s transaction, where the live schema holds still, while {@code second} digests the
     * rebuilt schema at the same time (nothing writes it any more; each side takes a core of its own). Both run
     * without their statement timeout for the rest of their transaction ({@code SET LOCAL}; {@code second} gets a
     * transaction of its own, ended before this returns): the configured timeout bounds the live path's
     * statements, while a digest reads a whole table (tens of seconds at tens of millions of rows).
     */
    static VerifyReport compare(Connection locked, Connection second, String live, String rebuilt)
            throws SQLException {
        liftTimeout(locked);
        Map<String, String> columns = new LinkedHashMap<>();
        for (String table : tables(locked, live)) {
            if (!SKIPPED_TABLES.contains(table)) {
                columns.put(table, columns(locked, live, table));
            }
        }
        Set<String> rebuiltTables = Set.copyOf(tables(locked, rebuilt));
        ExecutorService rebuiltSide = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "verify-digest");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Map<String, Digest>> rebuiltDigests = rebuiltSide.submit(() -> digests(second, rebuilt,
                    columns, rebuiltTables));
            Map<String, Digest> liveDigests = digests(locked, live, columns, columns.keySet());
            Map<String, Digest> rebuiltByTable = await(rebuiltDigests);
            List<VerifyReport.Table> tables = new ArrayList<>();
            for (Map.Entry<String, String> entry : columns.entrySet()) {
                String table = entry.getKey();
                Digest l = liveDigests.get(table);
                Digest r = rebuiltByTable.getOrDefault(table, Digest.MISSING);
                boolean same = l.equals(r);
                boolean compared = !same && r != Digest.MISSING;
                String row = "ROW(" + entry.getValue() + ")::text";
                tables.add(new VerifyReport.Table(table, l.rows(), r.rows(), l.sum(), r.sum(),
                        compared ? onlyIn(locked, live, rebuilt, table, row) : List.of(),
                        compared ? onlyIn(locked, rebuilt, live, table, row) : List.of()));
            }
            return new VerifyReport(live, rebuilt, tables);
        } finally {
            rebuiltSide.shutdownNow();
        }
    }

    /** A table's row count and the sum of its rows' hashes. */
    private record Digest(long rows, String sum) {
        static final Digest MISSING = new Digest(0, "missing");
    }

    private static void liftTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = 0");
        }
    }

    /**
     * The digests of the tables of {@code columns} (table to its compared columns) that are {@code present} in
     * {@code schema}, in a transaction of {@code c} (its own when {@code c} is in autocommit).
     */
    private static Map<String, Digest> digests(Connection c, String schema, Map<String, String> columns,
                                               Set<String> present) throws SQLException {
        boolean own = c.getAutoCommit();
        if (own) {
            c.setAutoCommit(false);
        }
        try {
            liftTimeout(c);
            Map<String, Digest> digests = new HashMap<>();
            for (Map.Entry<String, String> entry : columns.entrySet()) {
                if (present.contains(entry.getKey())) {
                    digests.put(entry.getKey(), digest(c, schema, entry.getKey(), entry.getValue()));
                }
            }
            return digests;
        } finally {
            if (own) {
                c.rollback(); // read only; ends the transaction and with it the lifted timeout
                c.setAutoCommit(true);
            }
        }
    }

    private static Map<String, Digest> await(Future<Map<String, Digest>> digests) throws SQLException {
        try {
            return digests.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while digesting the rebuilt schema", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("digesting the rebuilt schema failed", e.getCause());
        }
    }

    private static List<String> tables(Connection c, String schema) throws SQLException {
        // a partitioned table (change_key) is compared as one table, through its parent
        return strings(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = " + literal(schema) + " AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " ORDER BY c.relname");
    }

    /** The columns that must be equal, comma-separated (names from the catalog, quoted). */
    private static String columns(Connection c, String schema, String table) throws SQLException {
        Set<String> skipped = SKIPPED_COLUMNS.getOrDefault(table, Set.of());
        List<String> columns = strings(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                + literal(schema) + " AND table_name = " + literal(table) + " ORDER BY ordinal_position");
        return columns.stream().filter(col -> !WALL_CLOCK_COLUMNS.contains(col) && !skipped.contains(col))
                .map(SchemaDiff::identifier).collect(Collectors.joining(", "));
    }

    private static Digest digest(Connection c, String schema, String table, String columns) throws SQLException {
        String sql = "SELECT count(*), coalesce(sum(hash_record_extended(ROW(" + columns + "), 0)), 0)::text FROM "
                + source(schema, table);
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return new Digest(rows.getLong(1), rows.getString(2));
        }
    }

    private static List<String> onlyIn(Connection c, String schema, String other, String table, String row)
            throws SQLException {
        return strings(c, "(SELECT " + row + " FROM " + source(schema, table) + " EXCEPT ALL SELECT " + row + " FROM "
                + source(other, table) + ") LIMIT " + SHOWN_ROWS);
    }

    /**
     * What a table's rows are read from: the table, or for {@code change_key} its (key, change) pairs, since a key
     * row finds a group of changes grouped by the batches that wrote them (V0010), which differ between a live-built
     * and a rebuilt schema.
     */
    private static String source(String schema, String table) {
        String qualified = identifier(schema) + "." + identifier(table);
        return table.equals("change_key") ? "(" + ChangeRows.keyEntries(qualified) + ") AS change_key" : qualified;
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
