package io.storagehub.projection.jdbi;

import io.storagehub.projection.table.Column;
import io.storagehub.projection.table.ColumnType;
import io.storagehub.projection.table.Table;
import io.storagehub.schema.event.Position;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The JDBI side of a {@link Table} description: the set-based upsert of a batch of its rows and the mapper that
 * reads them back, both derived from the table's columns so that a new column needs no SQL here.
 *
 * <p>The upsert binds one array per Postgres column (named as the column) and reads them with {@code unnest}:
 * {@code INSERT INTO t (...) SELECT ... FROM unnest(...) ON CONFLICT (key) DO UPDATE SET} every other column. Text
 * arrays travel as array literals, one per row, and are cast back per row.
 */
final class TableSql {
    private static final Map<Table<?>, String> UPSERTS = new ConcurrentHashMap<>();

    private TableSql() {
    }

    /** Adds the upsert of {@code rows}, one statement, to {@code statements} (nothing when there are none). */
    static <R> void upsert(Statements statements, Table<R> table, List<R> rows) {
        Columns<R> columns = Columns.of(rows);
        for (Column<R> column : table.columns()) {
            bind(columns, column);
        }
        columns.addTo(statements, UPSERTS.computeIfAbsent(table, TableSql::upsertSql));
    }

    /** Reads a row of the table from a result that has all of its columns (e.g. {@code SELECT *}). */
    static <R> RowMapper<R> mapper(Table<R> table) {
        List<Column<R>> columns = table.columns();
        return (rs, ctx) -> {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = read(rs, columns.get(i));
            }
            return table.assemble(values);
        };
    }

    static String upsertSql(Table<?> table) {
        List<String> names = table.sqlColumns();
        List<String> selected = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            for (String name : column.type().sqlColumns(column.name())) {
                String elementType = column.type() == ColumnType.TEXT_ARRAY ? "text" : column.type().sqlType();
                arrays.add("CAST(:" + name + " AS " + elementType + "[])");
                selected.add(column.type() == ColumnType.TEXT_ARRAY ? "CAST(u." + name + " AS text[])" : "u." + name);
            }
        }
        List<String> key = table.key().stream().map(Column::name).toList();
        List<String> updated = names.stream().filter(n -> !key.contains(n)).map(n -> n + " = EXCLUDED." + n).toList();
        return "INSERT INTO " + table.name() + " (" + String.join(", ", names) + ")\n"
                + "SELECT " + String.join(", ", selected) + "\n"
                + "FROM unnest(" + String.join(", ", arrays) + ") AS u(" + String.join(", ", names) + ")\n"
                + "ON CONFLICT (" + String.join(", ", key) + ") "
                + (updated.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updated.stream().collect(Collectors.joining(", ")));
    }

    @SuppressWarnings("unchecked")
    private static <R> void bind(Columns<R> columns, Column<R> column) {
        String name = column.name();
        switch (column.type()) {
            case TEXT -> columns.text(name, r -> (String) column.value(r));
            case NUMERIC -> columns.number(name, r -> (java.math.BigInteger) column.value(r));
            case INT64 -> columns.int64(name, r -> (Long) column.value(r));
            case BOOL -> columns.bool(name, r -> (Boolean) column.value(r));
            case TEXT_ARRAY -> columns.textList(name, r -> (List<String>) column.value(r));
            case POSITION -> {
                List<String> names = ColumnType.POSITION.sqlColumns(name);
                columns.int64(names.get(0), r -> ((Position) column.value(r)).block());
                columns.int64(names.get(1), r -> ((Position) column.value(r)).index());
            }
            default -> throw new IllegalStateException("no binding for " + column.type());
        }
    }

    private static Object read(ResultSet rs, Column<?> column) throws SQLException {
        String name = column.name();
        return switch (column.type()) {
            case TEXT -> rs.getString(name);
            case NUMERIC -> Numbers.integer(rs, name);
            case INT64 -> Numbers.nullableLong(rs, name);
            case BOOL -> rs.getBoolean(name);
            case TEXT_ARRAY -> new ArrayList<>(TextArrays.read(rs, name));
            case POSITION -> {
                List<String> names = ColumnType.POSITION.sqlColumns(name);
                yield new Position(rs.getLong(names.get(0)), rs.getLong(names.get(1)));
            }
        };
    }
}
