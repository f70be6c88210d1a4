package io.storagehub.projection.jdbi;

import static io.storagehub.projection.jdbi.Numbers.integer;
import static io.storagehub.projection.jdbi.Numbers.nullableLong;
import static io.storagehub.projection.jdbi.StateRows.created;
import static io.storagehub.projection.jdbi.StateRows.updated;

import io.storagehub.projection.state.StoredEntities;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.readmodel.ValuePropView;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.ValuePropId;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;

/** Maps query rows to the read-model records the API serves. */
final class ViewRows {

    private ViewRows() {
    }

    static final RowMapper<ChangeView> CHANGE = (rs, ctx) -> new ChangeView(
            new Position(rs.getLong("block"), rs.getLong("event_index")), rs.getString("block_hash"),
            rs.getObject("block_time", OffsetDateTime.class).toInstant(), rs.getString("pallet"),
            rs.getString("name"), rs.getString("data"), StoredEntities.read(rs.getString("entities")));

    static final RowMapper<MspView> MSP = (rs, ctx) -> new MspView(
            new ProviderId(rs.getString("msp_id")),
            new AccountId(rs.getString("account")),
            integer(rs, "capacity"),
            integer(rs, "used_capacity"),
            TextArrays.read(rs, "multiaddresses"),
            rs.getString("status"),
            balance(rs, "slashed_total"),
            rs.getLong("signed_up_at"),
            rs.getLong("bucket_count"),
            created(rs),
            updated(rs));

    static final RowMapper<ValuePropView> VALUE_PROP = (rs, ctx) -> new ValuePropView(
            new ValuePropId(rs.getString("value_prop_id")),
            balance(rs, "price_per_giga_unit_of_data_per_block"),
            new Bytes(rs.getString("commitment")),
            integer(rs, "bucket_data_limit"),
            rs.getBoolean("available"),
            created(rs),
            updated(rs));

    static final RowMapper<BspView> BSP = (rs, ctx) -> new BspView(
            new ProviderId(rs.getString("bsp_id")),
            new AccountId(rs.getString("account")),
            integer(rs, "capacity"),
            integer(rs, "used_capacity"),
            new Hash32(rs.getString("root")),
            TextArrays.read(rs, "multiaddresses"),
            rs.getString("status"),
            balance(rs, "slashed_total"),
            rs.getLong("signed_up_at"),
            rs.getLong("file_count"),
            created(rs),
            updated(rs));

    static final RowMapper<BucketView> BUCKET = (rs, ctx) -> new BucketView(
            new BucketId(rs.getString("bucket_id")),
            new AccountId(rs.getString("owner")),
            nullable(rs, "msp_id", ProviderId::new),
            rs.getString("name"),
            new Hash32(rs.getString("root")),
            rs.getBoolean("is_private"),
            nullable(rs, "collection_id", Hash32::new),
            nullable(rs, "value_prop_id", ValuePropId::new),
            rs.getLong("file_count"),
            integer(rs, "total_size"),
            rs.getBoolean("deleted"),
            created(rs),
            updated(rs));

    /** A row of {@code file_view}: the file with its bucket's MSP and the BSPs storing it. */
    static final RowMapper<FileView> FILE = (rs, ctx) -> new FileView(
            new FileKey(rs.getString("file_key")),
            new BucketId(rs.getString("bucket_id")),
            new AccountId(rs.getString("owner")),
            new Location(rs.getString("location")),
            new Hash32(rs.getString("fingerprint")),
            integer(rs, "size"),
            TextArrays.read(rs, "peer_ids"),
            rs.getString("status"),
            rs.getBoolean("msp_confirmed"),
            nullable(rs, "bucket_msp_id", ProviderId::new),
            TextArrays.read(rs, "bsps").stream().map(ProviderId::new).toList(),
            rs.getLong("bsps_required"),
            rs.getLong("replicas"),
            rs.getLong("expires_at"),
            rs.getString("reject_reason"),
            created(rs),
            updated(rs));

    static final RowMapper<PaymentStreamView> STREAM = (rs, ctx) -> new PaymentStreamView(
            new AccountId(rs.getString("user_account")),
            new ProviderId(rs.getString("provider_id")),
            rs.getString("kind"),
            balance(rs, "rate"),
            integer(rs, "amount_provided"),
            balance(rs, "total_charged"),
            nullableLong(rs, "last_tick_charged"),
            created(rs),
            updated(rs));

    static final RowMapper<ChainView> CHAIN = (rs, ctx) -> new ChainView(
            rs.getString("chain"),
            rs.getLong("last_block"),
            new Position(rs.getLong("last_block"), rs.getLong("last_index")),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    static SortKey bucketKey(BucketView bucket) {
        return SortKey.of(bucket.bucketId().hex());
    }

    static SortKey fileKeyKey(FileView file) {
        return SortKey.of(file.fileKey().hex());
    }

    static SortKey locationKey(FileView file) {
        return SortKey.of(file.location().path(), file.fileKey().hex());
    }

    private static Balance balance(ResultSet rs, String column) throws SQLException {
        BigInteger value = integer(rs, column);
        return value == null ? null : new Balance(value);
    }

    private static <T> T nullable(ResultSet rs, String column, Function<String, T> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : type.apply(value);
    }
}
