package io.storagehub.projection.table;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One field of a table's row: its column name (as in the migrations), its type, how to read it from a row and
 * how to set it on a row being assembled (no-op for immutable rows, built by their {@link Table}). Values are the
 * boxed Java types {@link ColumnType} names.
 */
public record Column<R>(String name, ColumnType type, Function<R, Object> get, BiConsumer<R, Object> set) {

    public Object value(R row) {
        return get.apply(row);
    }

    public static <R> Column<R> text(String name, Function<R, String> get, BiConsumer<R, String> set) {
        return new Column<>(name, ColumnType.TEXT, get::apply, (r, v) -> set.accept(r, (String) v));
    }

    public static <R> Column<R> numeric(String name, Function<R, BigInteger> get, BiConsumer<R, BigInteger> set) {
        return new Column<>(name, ColumnType.NUMERIC, get::apply, (r, v) -> set.accept(r, (BigInteger) v));
    }

    public static <R> Column<R> int64(String name, Function<R, Long> get, BiConsumer<R, Long> set) {
        return new Column<>(name, ColumnType.INT64, get::apply, (r, v) -> set.accept(r, (Long) v));
    }

    public static <R> Column<R> bool(String name, Function<R, Boolean> get, BiConsumer<R, Boolean> set) {
        return new Column<>(name, ColumnType.BOOL, get::apply, (r, v) -> set.accept(r, (Boolean) v));
    }

    /** A list of texts; the row gets a mutable copy. */
    @SuppressWarnings("unchecked")
    public static <R> Column<R> textArray(String name, Function<R, List<String>> get,
                                          BiConsumer<R, List<String>> set) {
        return new Column<>(name, ColumnType.TEXT_ARRAY, get::apply,
                (r, v) -> set.accept(r, new ArrayList<>((List<String>) v)));
    }

    public static <R> Column<R> position(String name, Function<R, Position> get, BiConsumer<R, Position> set) {
        return new Column<>(name, ColumnType.POSITION, get::apply, (r, v) -> set.accept(r, (Position) v));
    }

    /** A field of an immutable row: read only, the table builds the row from all values. */
    public static <R> Column<R> field(String name, ColumnType type, Function<R, Object> get) {
        return new Column<>(name, type, get, (r, v) -> {
            throw new UnsupportedOperationException(name + " of an immutable row is set by its table");
        });
    }
}
