package io.storagehub.projection.jdbi;

import static io.storagehub.projection.jdbi.Numbers.integer;
import static io.storagehub.projection.jdbi.Numbers.nullableLong;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.event.Position;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import org.jdbi.v3.core.mapper.RowMapper;

/** Maps the tables' rows to the projection's working rows (column names as in the migrations). */
final class StateRows {

    private StateRows() {
    }

    static final RowMapper<MspRow> MSP = (rs, ctx) -> {
        MspRow row = new MspRow();
        row.chain = rs.getString("chain");
        row.mspId = rs.getString("msp_id");
        row.account = rs.getString("account");
        row.capacity = integer(rs, "capacity");
        row.usedCapacity = integer(rs, "used_capacity");
        row.multiaddresses = new ArrayList<>(TextArrays.read(rs, "multiaddresses"));
        row.status = rs.getString("status");
        row.slashedTotal = integer(rs, "slashed_total");
        row.signedUpAt = rs.getLong("signed_up_at");
        row.bucketCount = rs.getLong("bucket_count");
        row.created = created(rs);
        row.updated = updated(rs);
        return row;
    };

    static final RowMapper<BspRow> BSP = (rs, ctx) -> {
        BspRow row = new BspRow();
        row.chain = rs.getString("chain");
        row.bspId = rs.getString("bsp_id");
        row.account = rs.getString("account");
        row.capacity = integer(rs, "capacity");
        row.usedCapacity = integer(rs, "used_capacity");
        row.root = rs.getString("root");
        row.multiaddresses = new ArrayList<>(TextArrays.read(rs, "multiaddresses"));
        row.status = rs.getString("status");
        row.slashedTotal = integer(rs, "slashed_total");
        row.signedUpAt = rs.getLong("signed_up_at");
        row.fileCount = rs.getLong("file_count");
        row.created = created(rs);
        row.updated = updated(rs);
        return row;
    };

    static final RowMapper<ValuePropRow> VALUE_PROP = (rs, ctx) -> {
        ValuePropRow row = new ValuePropRow();
        row.chain = rs.getString("chain");
        row.mspId = rs.getString("msp_id");
        row.valuePropId = rs.getString("value_prop_id");
        row.pricePerGigaUnitOfDataPerBlock = integer(rs, "price_per_giga_unit_of_data_per_block");
        row.commitment = rs.getString("commitment");
        row.bucketDataLimit = integer(rs, "bucket_data_limit");
        row.available = rs.getBoolean("available");
        row.created = created(rs);
        row.updated = updated(rs);
        return row;
    };

    static final RowMapper<BucketRow> BUCKET = (rs, ctx) -> {
        BucketRow row = new BucketRow();
        row.chain = rs.getString("chain");
        row.bucketId = rs.getString("bucket_id");
        row.owner = rs.getString("owner");
        row.mspId = rs.getString("msp_id");
        row.name = rs.getString("name");
        row.root = rs.getString("root");
        row.isPrivate = rs.getBoolean("is_private");
        row.collectionId = rs.getString("collection_id");
        row.valuePropId = rs.getString("value_prop_id");
        row.fileCount = rs.getLong("file_count");
        row.totalSize = integer(rs, "total_size");
        row.mspConfirmedSize = integer(rs, "msp_confirmed_size");
        row.deleted = rs.getBoolean("deleted");
        row.created = created(rs);
        row.updated = updated(rs);
        return row;
    };

    static final RowMapper<FileRow> FILE = (rs, ctx) -> {
        FileRow row = new FileRow();
        row.chain = rs.getString("chain");
        row.fileKey = rs.getString("file_key");
        row.bucketId = rs.getString("bucket_id");
        row.owner = rs.getString("owner");
        row.location = rs.getString("location");
        row.fingerprint = rs.getString("fingerprint");
        row.size = integer(rs, "size");
        row.peerIds = new ArrayList<>(TextArrays.read(rs, "peer_ids"));
        row.status = rs.getString("status");
        row.mspConfirmed = rs.getBoolean("msp_confirmed");
        row.bspsRequired = rs.getLong("bsps_required");
        row.replicas = rs.getLong("replicas");
        row.expiresAt = rs.getLong("expires_at");
        row.rejectReason = rs.getString("reject_reason");
        row.created = created(rs);
        row.updated = updated(rs);
        return row;
    };

    static final RowMapper<StreamRow> STREAM = (rs, ctx) -> {
        StreamRow row = new StreamRow();
        row.chain = rs.getString("chain");
        row.userAccount = rs.getString("user_account");
        row.providerId = rs.getString("provider_id");
        row.kind = rs.getString("kind");
        row.rate = integer(rs, "rate");
        row.amountProvided = integer(rs, "amount_provided");
        row.totalCharged = integer(rs, "total_charged");
        row.lastTickCharged = nullableLong(rs, "last_tick_charged");
        row.created = created(rs);
        row.updated = updated(rs);
        return row;
    };

    static final RowMapper<FileBspRow> FILE_BSP = (rs, ctx) -> new FileBspRow(rs.getString("chain"),
            rs.getString("bsp_id"), rs.getString("file_key"), rs.getLong("confirmed_at"), created(rs));

    static Position created(ResultSet rs) throws SQLException {
        return new Position(rs.getLong("created_block"), rs.getLong("created_index"));
    }

    static Position updated(ResultSet rs) throws SQLException {
        return new Position(rs.getLong("updated_block"), rs.getLong("updated_index"));
    }
}
