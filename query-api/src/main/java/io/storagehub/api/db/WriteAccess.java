package io.storagehub.api.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the API's database role could change in the read model: superuser, owner of the schema or of a table,
 * CREATE on the schema, INSERT/UPDATE/DELETE/TRUNCATE on a table. Asked of the catalog as the role itself.
 */
public final class WriteAccess {
    private static final String WRITE_ACCESS = SqlResources.text("write-access.sql");
    private static final String SCHEMA_EXISTS = SqlResources.text("schema-exists.sql");

    private WriteAccess() {
    }

    /**
     * The role's write access to {@code schema} (empty list: read-only), or empty when it cannot be told yet: the
     * schema has no tables (the indexer has not migrated it). Throws when the database cannot be asked.
     */
    public static Optional<List<String>> of(DataSource dataSource, String schema) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, schema)) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement(WRITE_ACCESS)) {
                for (int i = 1; i <= 3; i++) {
                    s.setString(i, schema);
                }
                List<String> access = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        access.add(rows.getString(1));
                    }
                }
                return Optional.of(List.copyOf(access));
            }
        }
    }

    private static boolean exists(Connection c, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SCHEMA_EXISTS)) {
            s.setString(1, schema);
            s.setString(2, schema);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
