package io.storagehub.projection.jdbi;


import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.projection.table.Tables;
import io.storagehub.schema.event.Position;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;

/** Maps the tables' rows to the projection's working rows, as their {@link Tables} descriptions say. */
final class StateRows {

    private StateRows() {
    }

    static final RowMapper<MspRow> MSP = TableSql.mapper(Tables.MSP);
    static final RowMapper<BspRow> BSP = TableSql.mapper(Tables.BSP);
    static final RowMapper<ValuePropRow> VALUE_PROP = TableSql.mapper(Tables.VALUE_PROP);
    static final RowMapper<BucketRow> BUCKET = TableSql.mapper(Tables.BUCKET);
    static final RowMapper<FileRow> FILE = TableSql.mapper(Tables.FILE);
    static final RowMapper<StreamRow> STREAM = TableSql.mapper(Tables.PAYMENT_STREAM);
    static final RowMapper<FileBspRow> FILE_BSP = TableSql.mapper(Tables.FILE_BSP);

    static Position created(ResultSet rs) throws SQLException {
        return new Position(rs.getLong("created_block"), rs.getLong("created_index"));
    }

    static Position updated(ResultSet rs) throws SQLException {
        return new Position(rs.getLong("updated_block"), rs.getLong("updated_index"));
    }
}
