package io.storagehub.projection.table;

import java.util.List;

/**
 * How a row field is stored: its Java type, its Postgres type and the Postgres columns it occupies. A
 * {@link #POSITION} (an event's {@code (block, index)}) occupies two bigint columns, {@code <name>_block} and
 * {@code <name>_index}; every other type one column of its name.
 */
public enum ColumnType {
    /** {@code String}, may be null; Postgres {@code text}. */
    TEXT("text"),
    /** {@code BigInteger}, may be null; Postgres {@code numeric}. */
    NUMERIC("numeric"),
    /** {@code Long}, may be null; Postgres {@code bigint}. */
    INT64("bigint"),
    /** {@code Boolean}, never null; Postgres {@code boolean}. */
    BOOL("boolean"),
    /** {@code List<String>}, never null; Postgres {@code text[]}. */
    TEXT_ARRAY("text[]"),
    /** {@code Position}, never null; two Postgres {@code bigint} columns. */
    POSITION("bigint");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The Postgres type of each of its columns. */
    public String sqlType() {
        return sqlType;
    }

    /** The Postgres columns a field of this type named {@code name} occupies. */
    public List<String> sqlColumns(String name) {
        return this == POSITION ? List.of(name + "_block", name + "_index") : List.of(name);
    }
}
