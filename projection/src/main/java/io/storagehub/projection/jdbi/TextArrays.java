package io.storagehub.projection.jdbi;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Lists of strings per row (multiaddresses, peer ids). A batch upsert binds one array per column, and Postgres
 * arrays cannot nest ragged lists, so each row's list travels as a Postgres array literal ({@code {"a","b"}}) in
 * a text[] and is cast back to text[] in SQL.
 */
final class TextArrays {

    private TextArrays() {
    }

    /** The array literal of a list: every element double-quoted, with {@code \} and {@code "} escaped. */
    static String literal(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"');
            String value = values.get(i);
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                if (c == '\\' || c == '"') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    static List<String> read(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
