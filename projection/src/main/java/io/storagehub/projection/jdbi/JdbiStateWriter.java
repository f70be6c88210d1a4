package io.storagehub.projection.jdbi;

import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.StateWriter;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.table.ChangeRows;
import io.storagehub.projection.table.Tables;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a batch's changes within the caller's transaction: one set-based statement per table for the whole
 * batch (all chains together), deletions before the upserts that may re-create the same keys, all of them sent to
 * Postgres together in one round trip ({@link Statements}), then the batch's changes with COPY. The upserts are
 * derived from the {@link Tables} descriptions ({@link TableSql}).
 */
final class JdbiStateWriter implements StateWriter {
    private final Handle handle;
    private final String projectionName;

    JdbiStateWriter(Handle handle, String projectionName) {
        this.handle = handle;
        this.projectionName = projectionName;
    }

    @Override
    public void write(List<Changes> changes, Optional<SourceOffset> checkpoint) {
        write(changes, ChangeRows.Encoded.of(changes), checkpoint, new Statements());
    }

    /**
     * {@link #write(List, Optional)} with the change rows of {@code changes} already encoded. The batch's statements
     * are added to {@code statements} (which may hold some of the caller's already) and sent together, in one round
     * trip, then its change rows are copied.
     */
    void write(List<Changes> changes, ChangeRows.Encoded changeRows, Optional<SourceOffset> checkpoint,
               Statements statements) {
        deleteStreams(changes, statements);
        Columns.of(all(changes, Changes::removedAssociations))
                .text("chain", FileBspRow::chain)
                .text("bspId", FileBspRow::bspId)
                .text("fileKey", FileBspRow::fileKey)
                .addTo(statements, sql("deleteAssociations"));
        TableSql.upsert(statements, Tables.MSP, all(changes, Changes::msps));
        TableSql.upsert(statements, Tables.BSP, all(changes, Changes::bsps));
        TableSql.upsert(statements, Tables.VALUE_PROP, all(changes, Changes::valueProps));
        TableSql.upsert(statements, Tables.BUCKET, all(changes, Changes::buckets));
        TableSql.upsert(statements, Tables.FILE, all(changes, Changes::files));
        TableSql.upsert(statements, Tables.PAYMENT_STREAM, all(changes, Changes::streams));
        TableSql.upsert(statements, Tables.FILE_BSP, all(changes, Changes::addedAssociations));
        writePositions(changes, statements);
        checkpoint.ifPresent(offset -> advanceCheckpoint(offset, statements));
        if (!changeRows.isEmpty()) {
            createKeyPartitions(changes, statements);
        }
        statements.execute(handle);
        writeChanges(changeRows);
    }

    private void deleteStreams(List<Changes> changes, Statements statements) {
        record Deleted(String chain, StreamRow.Key key) {
        }
        List<Deleted> deleted = new ArrayList<>();
        changes.forEach(c -> c.deletedStreams().forEach(k -> deleted.add(new Deleted(c.chain(), k))));
        Columns.of(deleted)
                .text("chain", Deleted::chain)
                .text("userAccount", d -> d.key().userAccount())
                .text("providerId", d -> d.key().providerId())
                .addTo(statements, sql("deleteStreams"));
    }

    private void writePositions(List<Changes> changes, Statements statements) {
        record BlockDigests(String chain, long block, String entries) {
        }
        List<BlockDigests> blocks = new ArrayList<>();
        List<Changes> advanced = new ArrayList<>();
        for (Changes c : changes) {
            Map<Long, List<DigestEntries.Entry>> byBlock = new TreeMap<>();
            for (Changes.Digest d : c.digests()) {
                byBlock.computeIfAbsent(d.position().block(), b -> new ArrayList<>())
                        .add(new DigestEntries.Entry(d.position().index(), d.digest()));
            }
            byBlock.forEach((block, entries) -> blocks.add(new BlockDigests(c.chain(), block,
                    DigestEntries.packHex(entries))));
            if (c.lastPosition() != null) {
                advanced.add(c);
            }
        }
        Columns.of(blocks)
                .text("chain", BlockDigests::chain)
                .int64("block", BlockDigests::block)
                .text("entries", BlockDigests::entries)
                .addTo(statements, sql("appendDigests"));
        Columns.of(advanced)
                .text("chain", Changes::chain)
                .int64("lastBlock", c -> c.lastPosition().block())
                .int64("lastIndex", c -> c.lastPosition().index())
                .text("lastBlockTime", c -> c.lastBlockTime() == null ? null : c.lastBlockTime().toString())
                .addTo(statements, sql("upsertChainPositions"));
    }

    /**
     * The applied events kept as changes, and the keys they are found by: one COPY per table on the transaction's
     * connection (only new positions are applied, so a change is never written twice). Their key partitions were
     * created with the batch's other statements.
     */
    private void writeChanges(ChangeRows.Encoded rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            CopyManager copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(ChangeRows.COPY_CHANGES,
                    new ByteArrayInputStream(rows.changes().buffer(), 0, rows.changes().size()));
            copy.copyIn(ChangeRows.COPY_KEYS, new ByteArrayInputStream(rows.keys().buffer(), 0, rows.keys().size()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("writing " + rows.changes().rows() + " changes failed: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Creates the {@code change_key} partitions the batch's changes fall in where they are missing: the blocks each
     * chain's changes span (a partition holds a range of blocks for every chain).
     */
    private static void createKeyPartitions(List<Changes> changes, Statements statements) {
        List<Changes> recorded = changes.stream().filter(c -> !c.changes().isEmpty()).toList();
        Columns.of(recorded)
                .int64("firsts", c -> c.changes().get(0).view().position().block())
                .int64("lasts", c -> c.changes().get(c.changes().size() - 1).view().position().block())
                .addTo(statements, sql("createKeyPartitions"));
    }

    private void advanceCheckpoint(SourceOffset offset, Statements statements) {
        statements.add(sql("advanceCheckpoint"), Map.of("projection", Statements.value(projectionName),
                "topic", Statements.value(offset.topic()), "partition", Statements.value(offset.partition()),
                "nextOffset", Statements.value(offset.nextOffset())));
    }

    private static <T> List<T> all(List<Changes> changes, Function<Changes, List<T>> part) {
        List<T> rows = new ArrayList<>();
        changes.forEach(c -> rows.addAll(part.apply(c)));
        return rows;
    }

    private static String sql(String name) {
        return Sql.of(JdbiStateWriter.class, name);
    }
}
