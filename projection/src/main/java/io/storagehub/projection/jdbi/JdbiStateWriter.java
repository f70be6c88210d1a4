package io.storagehub.projection.jdbi;

import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.StateWriter;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.table.ChangeRows;
import io.storagehub.projection.table.CopyText;
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
 * batch (all chains together), deletions before the upserts that may re-create the same keys.
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
        deleteStreams(changes);
        Columns.of(all(changes, Changes::removedAssociations))
                .text("chain", FileBspRow::chain)
                .text("bspId", FileBspRow::bspId)
                .text("fileKey", FileBspRow::fileKey)
                .execute(handle, sql("deleteAssociations"));
        upsertProviders(changes);
        upsertBucketsAndFiles(changes);
        upsertStreams(changes);
        Columns.of(all(changes, Changes::addedAssociations))
                .text("chain", FileBspRow::chain)
                .text("bspId", FileBspRow::bspId)
                .text("fileKey", FileBspRow::fileKey)
                .int64("confirmedAt", FileBspRow::confirmedAt)
                .position("created", FileBspRow::created)
                .execute(handle, sql("upsertAssociations"));
        writePositions(changes);
        writeChanges(changes);
        checkpoint.ifPresent(this::advanceCheckpoint);
    }

    private void upsertProviders(List<Changes> changes) {
        Columns.of(all(changes, Changes::msps))
                .text("chain", r -> r.chain)
                .text("mspId", r -> r.mspId)
                .text("account", r -> r.account)
                .number("capacity", r -> r.capacity)
                .number("usedCapacity", r -> r.usedCapacity)
                .textList("multiaddresses", r -> r.multiaddresses)
                .text("status", r -> r.status)
                .number("slashedTotal", r -> r.slashedTotal)
                .int64("signedUpAt", r -> r.signedUpAt)
                .int64("bucketCount", r -> r.bucketCount)
                .position("created", r -> r.created)
                .position("updated", r -> r.updated)
                .execute(handle, sql("upsertMsps"));
        Columns.of(all(changes, Changes::bsps))
                .text("chain", r -> r.chain)
                .text("bspId", r -> r.bspId)
                .text("account", r -> r.account)
                .number("capacity", r -> r.capacity)
                .number("usedCapacity", r -> r.usedCapacity)
                .text("root", r -> r.root)
                .textList("multiaddresses", r -> r.multiaddresses)
                .text("status", r -> r.status)
                .number("slashedTotal", r -> r.slashedTotal)
                .int64("signedUpAt", r -> r.signedUpAt)
                .int64("fileCount", r -> r.fileCount)
                .position("created", r -> r.created)
                .position("updated", r -> r.updated)
                .execute(handle, sql("upsertBsps"));
        Columns.of(all(changes, Changes::valueProps))
                .text("chain", r -> r.chain)
                .text("mspId", r -> r.mspId)
                .text("valuePropId", r -> r.valuePropId)
                .number("price", r -> r.pricePerGigaUnitOfDataPerBlock)
                .text("commitment", r -> r.commitment)
                .number("bucketDataLimit", r -> r.bucketDataLimit)
                .bool("available", r -> r.available)
                .position("created", r -> r.created)
                .position("updated", r -> r.updated)
                .execute(handle, sql("upsertValueProps"));
    }

    private void upsertBucketsAndFiles(List<Changes> changes) {
        Columns.of(all(changes, Changes::buckets))
                .text("chain", r -> r.chain)
                .text("bucketId", r -> r.bucketId)
                .text("owner", r -> r.owner)
                .text("mspId", r -> r.mspId)
                .text("name", r -> r.name)
                .text("root", r -> r.root)
                .bool("isPrivate", r -> r.isPrivate)
                .text("collectionId", r -> r.collectionId)
                .text("valuePropId", r -> r.valuePropId)
                .int64("fileCount", r -> r.fileCount)
                .number("totalSize", r -> r.totalSize)
                .number("mspConfirmedSize", r -> r.mspConfirmedSize)
                .bool("deleted", r -> r.deleted)
                .position("created", r -> r.created)
                .position("updated", r -> r.updated)
                .execute(handle, sql("upsertBuckets"));
        Columns.of(all(changes, Changes::files))
                .text("chain", r -> r.chain)
                .text("fileKey", r -> r.fileKey)
                .text("bucketId", r -> r.bucketId)
                .text("owner", r -> r.owner)
                .text("location", r -> r.location)
                .text("fingerprint", r -> r.fingerprint)
                .number("size", r -> r.size)
                .textList("peerIds", r -> r.peerIds)
                .text("status", r -> r.status)
                .bool("mspConfirmed", r -> r.mspConfirmed)
                .int64("bspsRequired", r -> r.bspsRequired)
                .int64("replicas", r -> r.replicas)
                .int64("expiresAt", r -> r.expiresAt)
                .text("rejectReason", r -> r.rejectReason)
                .position("created", r -> r.created)
                .position("updated", r -> r.updated)
                .execute(handle, sql("upsertFiles"));
    }

    private void upsertStreams(List<Changes> changes) {
        Columns.of(all(changes, Changes::streams))
                .text("chain", r -> r.chain)
                .text("userAccount", r -> r.userAccount)
                .text("providerId", r -> r.providerId)
                .text("kind", r -> r.kind)
                .number("rate", r -> r.rate)
                .number("amountProvided", r -> r.amountProvided)
                .number("totalCharged", r -> r.totalCharged)
                .int64("lastTickCharged", r -> r.lastTickCharged)
                .position("created", r -> r.created)
                .position("updated", r -> r.updated)
                .execute(handle, sql("upsertStreams"));
    }

    private void deleteStreams(List<Changes> changes) {
        record Deleted(String chain, StreamRow.Key key) {
        }
        List<Deleted> deleted = new ArrayList<>();
        changes.forEach(c -> c.deletedStreams().forEach(k -> deleted.add(new Deleted(c.chain(), k))));
        Columns.of(deleted)
                .text("chain", Deleted::chain)
                .text("userAccount", d -> d.key().userAccount())
                .text("providerId", d -> d.key().providerId())
                .execute(handle, sql("deleteStreams"));
    }

    private void writePositions(List<Changes> changes) {
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
                .execute(handle, sql("appendDigests"));
        Columns.of(advanced)
                .text("chain", Changes::chain)
                .int64("lastBlock", c -> c.lastPosition().block())
                .int64("lastIndex", c -> c.lastPosition().index())
                .text("lastBlockTime", c -> c.lastBlockTime() == null ? null : c.lastBlockTime().toString())
                .execute(handle, sql("upsertChainPositions"));
    }

    /**
     * The applied events kept as changes, and the keys they are found by: one COPY per table on the transaction's
     * connection (only new positions are applied, so a change is never written twice).
     */
    private void writeChanges(List<Changes> changes) {
        if (changes.stream().allMatch(c -> c.changes().isEmpty())) {
            return;
        }
        long[] bytes = ChangeRows.estimatedBytes(changes);
        CopyText rows = new CopyText((int) Math.min(Integer.MAX_VALUE - 64, bytes[0]));
        CopyText keys = new CopyText((int) Math.min(Integer.MAX_VALUE - 64, bytes[1]));
        ChangeRows.append(changes, rows, keys);
        try {
            CopyManager copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(ChangeRows.COPY_CHANGES, new ByteArrayInputStream(rows.buffer(), 0, rows.size()));
            copy.copyIn(ChangeRows.COPY_KEYS, new ByteArrayInputStream(keys.buffer(), 0, keys.size()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("writing " + rows.rows() + " changes failed: " + e.getMessage(), e);
        }
    }

    private void advanceCheckpoint(SourceOffset offset) {
        handle.createUpdate(sql("advanceCheckpoint"))
                .bind("projection", projectionName)
                .bind("topic", offset.topic())
                .bind("partition", offset.partition())
                .bind("nextOffset", offset.nextOffset())
                .execute();
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
