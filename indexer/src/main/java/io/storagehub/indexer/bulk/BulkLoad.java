package io.storagehub.indexer.bulk;

import io.storagehub.projection.table.CopyText;
import io.storagehub.projection.table.Table;
import io.storagehub.projection.table.Tables;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link BulkState} into its freshly migrated shadow schema the fast way: the tables' indexes and
 * primary keys are dropped, every table is loaded with {@code COPY} (two at a time, one per core), the indexes and
 * keys are built again from their definitions as the migrations left them, and the tables are analyzed.
 *
 * <p>A table's first {@code COPY} truncates it in the same transaction and loads it {@code FREEZE}: its rows are
 * written frozen, with their hint bits set and every page marked all-visible and all-frozen. Without that, the live
 * indexer that goes on from the loaded schema (after a first sync, or a rebuild's switch) pays for the load later,
 * while it has to keep up: the first read of each page sets its hint bits and dirties it, and autovacuum's
 * insert-triggered vacuum reads every loaded table whole. Index-only scans (a history page) need no heap visits from
 * the start.
 */
final class BulkLoad {
    private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);
    private static final int CHUNK = 1 << 20;
    private static final int THREADS = 2;
    /** The tables loaded here; {@code dead_letter} was written during the replay. */
    private static final List<String> LOADED = List.of("msp", "value_prop", "bsp", "bucket", "file", "payment_stream",
            "file_bsp", "event_digest", "chain_position", "source_checkpoint");

    private final DataSource shadow;
    private final String schema;

    BulkLoad(DataSource shadow, String schema) {
        this.shadow = shadow;
        this.schema = schema;
    }

    /**
     * Loads everything; returns the rows written. {@code changes}, when the build keeps changes, has streamed them
     * during the replay into their tables (without their indexes): it is finished first and its indexes are built
     * with the others.
     */
    long load(BulkState state, ChangeCopy changes) throws SQLException {
        long start = System.nanoTime();
        state.flush();
        long changeRows = 0;
        List<Index> indexes = new ArrayList<>();
        if (changes != null) {
            changeRows = changes.finish();
            indexes.addAll(changes.indexes());
        }
        indexes.addAll(dropIndexes(LOADED));
        List<Callable<Long>> copies = new ArrayList<>();
        // the biggest first, so that the two loaders finish close together
        copies.add(() -> copy(Tables.FILE, state));
        copies.add(() -> copyDigests(state));
        copies.add(() -> copy(Tables.FILE_BSP, state));
        copies.add(() -> copy(Tables.BUCKET, state));
        copies.add(() -> copy(Tables.PAYMENT_STREAM, state));
        copies.add(() -> copy(Tables.BSP, state));
        copies.add(() -> copy(Tables.MSP, state));
        copies.add(() -> copy(Tables.VALUE_PROP, state));
        copies.add(() -> positions(state));
        long rows = changeRows + runAll(copies).stream().mapToLong(Long::longValue).sum();
        long loaded = System.nanoTime();
        runAll(indexes.stream().map(index -> (Callable<Long>) () -> create(index)).toList());
        long indexed = System.nanoTime();
        // the change tables (the largest) first, each on its own connection, two at a time like the rest
        List<String> analyzed = new ArrayList<>(changes != null ? ChangeCopy.TABLES : List.of());
        analyzed.addAll(LOADED);
        runAll(analyzed.stream().map(table -> (Callable<Long>) () -> analyze(table)).toList());
        log.atInfo().addKeyValue("rows", rows).addKeyValue("copySeconds", seconds(loaded - start))
                .addKeyValue("indexSeconds", seconds(indexed - loaded))
                .addKeyValue("analyzeSeconds", seconds(System.nanoTime() - indexed)).addKeyValue("schema", schema)
                .log("bulk state loaded into Postgres");
        return rows;
    }

    /** An index, or the primary key / unique constraint it backs, with the statement that builds it again. */
    record Index(String table, String name, String constraint, String definition) {
        String drop() {
            return constraint == null ? "DROP INDEX " + name
                    : "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint;
        }

        String create() {
            return constraint == null ? definition
                    : "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " " + definition;
        }
    }

    /** Drops the indexes and keys of {@code tables}; returns them, to be built again. */
    List<Index> dropIndexes(List<String> tables) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (Connection c = connection()) {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT t.relname, i.relname, con.conname,
                           coalesce(pg_get_constraintdef(con.oid), pg_get_indexdef(i.oid))
                    FROM pg_index x
                    JOIN pg_class i ON i.oid = x.indexrelid
                    JOIN pg_class t ON t.oid = x.indrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    LEFT JOIN pg_constraint con ON con.conindid = i.oid AND con.contype IN ('p', 'u')
                    WHERE n.nspname = ? AND t.relname = ANY(?)
                    ORDER BY t.relname, i.relname""")) {
                q.setString(1, schema);
                q.setArray(2, c.createArrayOf("text", tables.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        indexes.add(new Index(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (Index index : indexes) {
                    s.execute(index.drop());
                }
            }
        }
        return indexes;
    }

    private long create(Index index) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '256MB'");
            s.execute(index.create());
        }
        return 0;
    }

    private <R> long copy(Table<R> table, BulkState state) throws SQLException {
        try (Loader loader = new Loader(table.name(), table.copyFromStdin(), true)) {
            state.store().forEachRow(table, row -> loader.add(text -> text.row(table, row)));
            return loader.finish();
        }
    }

    private long copyDigests(BulkState state) throws SQLException {
        try (Loader loader = new Loader("event_digest", "COPY event_digest (chain, block, entries) FROM STDIN", true)) {
            state.store().scan(StateStore.EVENT_DIGEST, new byte[0], (key, entries) -> {
                ByteBuffer k = ByteBuffer.wrap(key);
                String chain = new String(key, 0, key.length - 1 - Long.BYTES, StandardCharsets.UTF_8);
                long block = k.getLong(key.length - Long.BYTES);
                loader.add(text -> text.text(chain).int64(block).bytea(entries).endRow());
            });
            return loader.finish();
        }
    }

    /** The chains' positions and the source checkpoints: a handful of rows. */
    private long positions(BulkState state) throws SQLException {
        long rows = 0;
        try (Connection c = connection()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO chain_position (chain, last_block, last_index,"
                    + " last_block_time) VALUES (?, ?, ?, ?)")) {
                for (var e : state.positions().entrySet()) {
                    p.setString(1, e.getKey());
                    p.setLong(2, e.getValue().block());
                    p.setLong(3, e.getValue().index());
                    var time = state.blockTimes().get(e.getKey());
                    p.setTimestamp(4, time == null ? null : Timestamp.from(time));
                    rows += p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO source_checkpoint (projection, topic,"
                    + " partition, next_offset) VALUES ('live', ?, ?, ?)")) {
                for (var offset : state.checkpoints()) {
                    p.setString(1, offset.topic());
                    p.setInt(2, offset.partition());
                    p.setLong(3, offset.nextOffset());
                    rows += p.executeUpdate();
                }
            }
        }
        return rows;
    }

    /** A connection without the pool's statement timeout: a COPY or an index build may take minutes. */
    private Connection connection() throws SQLException {
        Connection c = shadow.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = 0");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private long analyze(String table) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE " + table);
        }
        return 0;
    }

    private static List<Long> runAll(List<Callable<Long>> tasks) throws SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "bulk-load");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> futures = tasks.stream().map(pool::submit).toList();
            List<Long> results = new ArrayList<>();
            for (Future<Long> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk load interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    /** A partition of {@code change_key}: its table and its range of blocks [first, end). */
    record KeyPartition(String name, long first, long end) {
    }

    /** The partition of {@code change_key} holding {@code block}, created if it is missing (V0009). */
    KeyPartition keyPartition(long block) throws SQLException {
        try (Connection c = connection();
             PreparedStatement p = c.prepareStatement("SELECT name, first_block, end_block FROM change_key_partition(?)")) {
            p.setLong(1, block);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new KeyPartition(rs.getString(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /**
     * A COPY into {@code table} of this schema, on its own connection. {@code first}: the table's first load, which
     * truncates it and freezes its rows; a table loaded again (a key partition reopened) is appended to.
     */
    Loader loader(String table, String sql, boolean first) throws SQLException {
        return new Loader(table, sql, first);
    }

    /** One table's COPY on its own connection, fed in chunks, in one transaction. */
    final class Loader implements AutoCloseable {
        private final String table;
        private final Connection connection;
        private final CopyIn copy;
        private final CopyText text = new CopyText(CHUNK + (CHUNK >> 2));
        private final long start = System.nanoTime();
        private long bytes;

        Loader(String table, String sql, boolean first) throws SQLException {
            this.table = table;
            this.connection = connection();
            try {
                connection.setAutoCommit(false);
                if (first) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("TRUNCATE " + table);
                    }
                }
                this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(first ? sql + " (FREEZE)" : sql);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        void add(java.util.function.Consumer<CopyText> row) {
            row.accept(text);
            if (text.size() >= CHUNK) {
                flush();
            }
        }

        private void flush() {
            try {
                copy.writeToCopy(text.buffer(), 0, text.size());
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into " + schema + "." + table + " failed: " + e.getMessage(), e);
            }
            bytes += text.size();
            text.clear();
        }

        long finish() throws SQLException {
            flush();
            long rows = copy.endCopy();
            connection.commit();
            log.atInfo().addKeyValue("table", table).addKeyValue("rows", rows)
                    .addKeyValue("mib", Math.round(bytes / 1048576.0))
                    .addKeyValue("seconds", seconds(System.nanoTime() - start)).log("table loaded");
            return rows;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                if (!connection.isClosed() && !connection.getAutoCommit()) {
                    connection.rollback();
                }
            } finally {
                connection.close();
            }
        }
    }
}
