package io.storagehub.indexer.health;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * Measures the read model from the catalog: bytes by {@code pg_total_relation_size}, rows counted exactly for
 * tables the statistics put under {@link #COUNT_BELOW} rows (or that were never analyzed), else estimated from
 * {@code pg_class.reltuples} so that status stays cheap on big tables.
 */
public final class ReadModelSizes {
    /** Tables estimated below this many rows are counted ({@code count(*)} of a small table is cheap). */
    static final long COUNT_BELOW = 100_000;
    private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

    private ReadModelSizes() {
    }

    public static ReadModelSize read(Handle handle, String schema) {
        return read(handle, schema, COUNT_BELOW);
    }

    /** With tables estimated at {@code countBelow} rows or more taken from the statistics. */
    static ReadModelSize read(Handle handle, String schema, long countBelow) {
        record Estimate(String name, long rows, long bytes) {
        }
        List<Estimate> estimates = handle.createQuery(SQL.locate(ReadModelSizes.class, "tables"))
                .bind("schema", schema)
                .map((rs, ctx) -> new Estimate(rs.getString("name"), rs.getLong("estimated_rows"),
                        rs.getLong("bytes")))
                .list();
        List<ReadModelSize.Table> tables = new ArrayList<>();
        for (Estimate e : estimates) {
            boolean estimated = e.rows() >= countBelow;
            long rows = estimated ? e.rows() : count(handle, schema, e.name());
            tables.add(new ReadModelSize.Table(e.name(), rows, estimated, e.bytes()));
        }
        long databaseBytes = handle.createQuery(SQL.locate(ReadModelSizes.class, "databaseBytes"))
                .mapTo(Long.class).one();
        return new ReadModelSize(databaseBytes, List.copyOf(tables));
    }

    private static long count(Handle handle, String schema, String table) {
        return handle.createQuery("SELECT count(*) FROM " + quote(schema) + "." + quote(table))
                .mapTo(Long.class).one();
    }

    /** A catalog name as a quoted identifier. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
