package io.storagehub.projection.jdbi;

import io.storagehub.schema.event.Position;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.argument.Argument;

/**
 * Rows turned into one array per column, bound to a set-based statement ({@code INSERT ... SELECT FROM
 * unnest(:a, :b, ...)}): a whole table's writes of a batch in one statement, whatever the driver settings.
 * Numbers travel as decimal text and lists as array literals; the SQL casts them.
 */
final class Columns<T> {
    private final List<T> rows;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    private record Column(Class<?> elementType, List<Object> values) {
        /**
         * The column as a Java array set with {@code setObject}: the driver sends arrays of strings, longs and
         * booleans in Postgres' binary array format (no per-character escaping, unlike an array literal).
         */
        Argument argument() {
            return Statements.value(values.toArray((Object[]) Array.newInstance(elementType, 0)));
        }
    }

    private Columns(List<T> rows) {
        this.rows = rows;
    }

    static <T> Columns<T> of(List<T> rows) {
        return new Columns<>(rows);
    }

    Columns<T> text(String name, Function<T, String> value) {
        return add(name, String.class, value);
    }

    Columns<T> textList(String name, Function<T, List<String>> value) {
        return add(name, String.class, row -> TextArrays.literal(value.apply(row)));
    }

    Columns<T> number(String name, Function<T, BigInteger> value) {
        return add(name, String.class, row -> Numbers.text(value.apply(row)));
    }

    Columns<T> int64(String name, Function<T, Long> value) {
        return add(name, Long.class, value);
    }

    Columns<T> bool(String name, Predicate<T> value) {
        return add(name, Boolean.class, value::test);
    }

    /** Adds the statement, to run once for all rows, to {@code statements}; nothing when there are no rows. */
    void addTo(Statements statements, String sql) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Argument> arguments = new LinkedHashMap<>();
        columns.forEach((name, column) -> arguments.put(name, column.argument()));
        statements.add(sql, arguments);
    }

    private Columns<T> add(String name, Class<?> elementType, Function<T, ?> value) {
        List<Object> values = new ArrayList<>(rows.size());
        for (T row : rows) {
            values.add(value.apply(row));
        }
        if (columns.put(name, new Column(elementType, values)) != null) {
            throw new IllegalArgumentException("column " + name + " bound twice");
        }
        return this;
    }
}
