package io.storagehub.api.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Creates the login role the API connects with in production: it may only SELECT the read model of one schema
 * and every transaction it starts is read-only. Runs {@code sql/create-readonly-role.sql} (also usable from psql)
 * with its parameters passed as transaction-local settings, so no name or password is ever spliced into SQL.
 */
public final class ReadOnlyRole {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String SET_PARAMETER = SqlResources.text("/io/storagehub/api/db/set-parameter.sql");
    private static final String CREATE = SqlResources.text("/sql/create-readonly-role.sql");
    private static final String DROP = SqlResources.text("/sql/drop-readonly-role.sql");

    private ReadOnlyRole() {
    }

    /** Creates {@code role} (or resets its password) with read-only access to {@code schema}. */
    public static void grant(DataSource admin, String schema, String role, String password) {
        run(admin, CREATE, Map.of("storagehub.readonly_role", identifier(role, "role"),
                "storagehub.readonly_password", password,
                "storagehub.schema", identifier(schema, "schema")));
    }

    /** Drops {@code role} with its privileges; a no-op when it does not exist. */
    public static void drop(DataSource admin, String role) {
        run(admin, DROP, Map.of("storagehub.readonly_role", identifier(role, "role")));
    }

    private static void run(DataSource admin, String script, Map<String, String> parameters) {
        try (Connection c = admin.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement(SET_PARAMETER); Statement run = c.createStatement()) {
                for (Map.Entry<String, String> p : parameters.entrySet()) {
                    set.setString(1, p.getKey());
                    set.setString(2, p.getValue());
                    set.execute();
                }
                run.execute(script);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("managing the read-only role failed: " + e.getMessage(), e);
        }
    }

    private static String identifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must match [a-z_][a-z0-9_]{0,62}, got '" + name + "'");
        }
        return name;
    }
}
