package io.storagehub.projection.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One read-model table as the projection writes it: its name, its fields in order, how many leading fields form
 * its primary key, and how a row is assembled from its field values. The one description that loading, upserting,
 * bulk state and {@code COPY} are derived from, so that a new column is its migration plus one line here.
 */
public final class Table<R> {
    private final String name;
    private final List<Column<R>> columns;
    private final int keyColumns;
    private final Function<Object[], R> assemble;

    private Table(String name, int keyColumns, List<Column<R>> columns, Function<Object[], R> assemble) {
        if (keyColumns < 1 || keyColumns > columns.size()) {
            throw new IllegalArgumentException(name + ": key columns " + keyColumns + " of " + columns.size());
        }
        this.name = name;
        this.columns = List.copyOf(columns);
        this.keyColumns = keyColumns;
        this.assemble = assemble;
    }

    /** A table of mutable rows: a new row from {@code create}, each field set by its column. */
    public static <R> Table<R> of(String name, int keyColumns, Supplier<R> create, List<Column<R>> columns) {
        List<Column<R>> list = List.copyOf(columns);
        return new Table<>(name, keyColumns, list, values -> {
            R row = create.get();
            for (int i = 0; i < values.length; i++) {
                list.get(i).set().accept(row, values[i]);
            }
            return row;
        });
    }

    /** A table of immutable rows, built from all field values at once (in column order). */
    public static <R> Table<R> ofRecords(String name, int keyColumns, Function<Object[], R> build,
                                         List<Column<R>> columns) {
        return new Table<>(name, keyColumns, columns, build);
    }

    public String name() {
        return name;
    }

    public List<Column<R>> columns() {
        return columns;
    }

    /** The leading fields that form the primary key (all of type {@link ColumnType#TEXT}). */
    public List<Column<R>> key() {
        return columns.subList(0, keyColumns);
    }

    /** Every Postgres column, in order ({@code POSITION} fields expanded to two). */
    public List<String> sqlColumns() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.addAll(c.type().sqlColumns(c.name())));
        return names;
    }

    /** The field values of a row, in column order. */
    public Object[] values(R row) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).value(row);
        }
        return values;
    }

    public R assemble(Object[] values) {
        return assemble.apply(values);
    }

    /** {@code COPY <name> (<columns>) FROM STDIN}, in text format. */
    public String copyFromStdin() {
        return "COPY " + name + " (" + String.join(", ", sqlColumns()) + ") FROM STDIN";
    }

    @Override
    public String toString() {
        Map<String, ColumnType> types = columns.stream()
                .collect(Collectors.toMap(Column::name, Column::type, (a, b) -> a, java.util.LinkedHashMap::new));
        return name + types;
    }
}
