package io.storagehub.projection.table;

import static io.storagehub.projection.table.Column.bool;
import static io.storagehub.projection.table.Column.int64;
import static io.storagehub.projection.table.Column.numeric;
import static io.storagehub.projection.table.Column.position;
import static io.storagehub.projection.table.Column.text;
import static io.storagehub.projection.table.Column.textArray;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.event.Position;
import java.util.List;

/** The read-model tables the projection writes, one description each (column names as in the migrations). */
public final class Tables {

    private Tables() {
    }

    public static final Table<MspRow> MSP = Table.of("msp", 2, MspRow::new, List.of(
            text("chain", r -> r.chain, (r, v) -> r.chain = v),
            text("msp_id", r -> r.mspId, (r, v) -> r.mspId = v),
            text("account", r -> r.account, (r, v) -> r.account = v),
            numeric("capacity", r -> r.capacity, (r, v) -> r.capacity = v),
            numeric("used_capacity", r -> r.usedCapacity, (r, v) -> r.usedCapacity = v),
            textArray("multiaddresses", r -> r.multiaddresses, (r, v) -> r.multiaddresses = v),
            text("status", r -> r.status, (r, v) -> r.status = v),
            numeric("slashed_total", r -> r.slashedTotal, (r, v) -> r.slashedTotal = v),
            int64("signed_up_at", r -> r.signedUpAt, (r, v) -> r.signedUpAt = v),
            int64("bucket_count", r -> r.bucketCount, (r, v) -> r.bucketCount = v),
            position("created", r -> r.created, (r, v) -> r.created = v),
            position("updated", r -> r.updated, (r, v) -> r.updated = v)));

    public static final Table<ValuePropRow> VALUE_PROP = Table.of("value_prop", 3, ValuePropRow::new, List.of(
            text("chain", r -> r.chain, (r, v) -> r.chain = v),
            text("msp_id", r -> r.mspId, (r, v) -> r.mspId = v),
            text("value_prop_id", r -> r.valuePropId, (r, v) -> r.valuePropId = v),
            numeric("price_per_giga_unit_of_data_per_block", r -> r.pricePerGigaUnitOfDataPerBlock,
                    (r, v) -> r.pricePerGigaUnitOfDataPerBlock = v),
            text("commitment", r -> r.commitment, (r, v) -> r.commitment = v),
            numeric("bucket_data_limit", r -> r.bucketDataLimit, (r, v) -> r.bucketDataLimit = v),
            bool("available", r -> r.available, (r, v) -> r.available = v),
            position("created", r -> r.created, (r, v) -> r.created = v),
            position("updated", r -> r.updated, (r, v) -> r.updated = v)));

    public static final Table<BspRow> BSP = Table.of("bsp", 2, BspRow::new, List.of(
            text("chain", r -> r.chain, (r, v) -> r.chain = v),
            text("bsp_id", r -> r.bspId, (r, v) -> r.bspId = v),
            text("account", r -> r.account, (r, v) -> r.account = v),
            numeric("capacity", r -> r.capacity, (r, v) -> r.capacity = v),
            numeric("used_capacity", r -> r.usedCapacity, (r, v) -> r.usedCapacity = v),
            text("root", r -> r.root, (r, v) -> r.root = v),
            textArray("multiaddresses", r -> r.multiaddresses, (r, v) -> r.multiaddresses = v),
            text("status", r -> r.status, (r, v) -> r.status = v),
            numeric("slashed_total", r -> r.slashedTotal, (r, v) -> r.slashedTotal = v),
            int64("signed_up_at", r -> r.signedUpAt, (r, v) -> r.signedUpAt = v),
            int64("file_count", r -> r.fileCount, (r, v) -> r.fileCount = v),
            position("created", r -> r.created, (r, v) -> r.created = v),
            position("updated", r -> r.updated, (r, v) -> r.updated = v)));

    public static final Table<BucketRow> BUCKET = Table.of("bucket", 2, BucketRow::new, List.of(
            text("chain", r -> r.chain, (r, v) -> r.chain = v),
            text("bucket_id", r -> r.bucketId, (r, v) -> r.bucketId = v),
            text("owner", r -> r.owner, (r, v) -> r.owner = v),
            text("msp_id", r -> r.mspId, (r, v) -> r.mspId = v),
            text("name", r -> r.name, (r, v) -> r.name = v),
            text("root", r -> r.root, (r, v) -> r.root = v),
            bool("is_private", r -> r.isPrivate, (r, v) -> r.isPrivate = v),
            text("collection_id", r -> r.collectionId, (r, v) -> r.collectionId = v),
            text("value_prop_id", r -> r.valuePropId, (r, v) -> r.valuePropId = v),
            int64("file_count", r -> r.fileCount, (r, v) -> r.fileCount = v),
            numeric("total_size", r -> r.totalSize, (r, v) -> r.totalSize = v),
            numeric("msp_confirmed_size", r -> r.mspConfirmedSize, (r, v) -> r.mspConfirmedSize = v),
            bool("deleted", r -> r.deleted, (r, v) -> r.deleted = v),
            position("created", r -> r.created, (r, v) -> r.created = v),
            position("updated", r -> r.updated, (r, v) -> r.updated = v)));

    public static final Table<FileRow> FILE = Table.of("file", 2, FileRow::new, List.of(
            text("chain", r -> r.chain, (r, v) -> r.chain = v),
            text("file_key", r -> r.fileKey, (r, v) -> r.fileKey = v),
            text("bucket_id", r -> r.bucketId, (r, v) -> r.bucketId = v),
            text("owner", r -> r.owner, (r, v) -> r.owner = v),
            text("location", r -> r.location, (r, v) -> r.location = v),
            text("fingerprint", r -> r.fingerprint, (r, v) -> r.fingerprint = v),
            numeric("size", r -> r.size, (r, v) -> r.size = v),
            textArray("peer_ids", r -> r.peerIds, (r, v) -> r.peerIds = v),
            text("status", r -> r.status, (r, v) -> r.status = v),
            bool("msp_confirmed", r -> r.mspConfirmed, (r, v) -> r.mspConfirmed = v),
            int64("bsps_required", r -> r.bspsRequired, (r, v) -> r.bspsRequired = v),
            int64("replicas", r -> r.replicas, (r, v) -> r.replicas = v),
            int64("expires_at", r -> r.expiresAt, (r, v) -> r.expiresAt = v),
            text("reject_reason", r -> r.rejectReason, (r, v) -> r.rejectReason = v),
            position("created", r -> r.created, (r, v) -> r.created = v),
            position("updated", r -> r.updated, (r, v) -> r.updated = v)));

    public static final Table<StreamRow> PAYMENT_STREAM = Table.of("payment_stream", 3, StreamRow::new, List.of(
            text("chain", r -> r.chain, (r, v) -> r.chain = v),
            text("user_account", r -> r.userAccount, (r, v) -> r.userAccount = v),
            text("provider_id", r -> r.providerId, (r, v) -> r.providerId = v),
            text("kind", r -> r.kind, (r, v) -> r.kind = v),
            numeric("rate", r -> r.rate, (r, v) -> r.rate = v),
            numeric("amount_provided", r -> r.amountProvided, (r, v) -> r.amountProvided = v),
            numeric("total_charged", r -> r.totalCharged, (r, v) -> r.totalCharged = v),
            int64("last_tick_charged", r -> r.lastTickCharged, (r, v) -> r.lastTickCharged = v),
            position("created", r -> r.created, (r, v) -> r.created = v),
            position("updated", r -> r.updated, (r, v) -> r.updated = v)));

    /** Which BSPs store which files; keyed by BSP first (a BSP's files are read in one range). */
    public static final Table<FileBspRow> FILE_BSP = Table.ofRecords("file_bsp", 3,
            v -> new FileBspRow((String) v[0], (String) v[1], (String) v[2], (Long) v[3], (Position) v[4]), List.of(
            Column.field("chain", ColumnType.TEXT, FileBspRow::chain),
            Column.field("bsp_id", ColumnType.TEXT, FileBspRow::bspId),
            Column.field("file_key", ColumnType.TEXT, FileBspRow::fileKey),
            Column.field("confirmed_at", ColumnType.INT64, FileBspRow::confirmedAt),
            Column.field("created", ColumnType.POSITION, FileBspRow::created)));

    /** Every table of entity rows, in an order fit for loading. */
    public static final List<Table<?>> ALL = List.of(MSP, VALUE_PROP, BSP, BUCKET, FILE, PAYMENT_STREAM, FILE_BSP);
}
