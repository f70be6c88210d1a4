package io.storagehub.projection.jdbi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Unsigned 64/128-bit values and their sums travel as Postgres {@code numeric}: bound as decimal strings (cast in
 * SQL), read back through {@link BigDecimal}.
 */
final class Numbers {

    private Numbers() {
    }

    static String text(BigInteger value) {
        return value == null ? null : value.toString();
    }

    /** A numeric column as a BigInteger, null when SQL NULL. */
    static BigInteger integer(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.toBigIntegerExact();
    }

    /** A bigint column as a Long, null when SQL NULL. */
    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
