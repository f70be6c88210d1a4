package io.storagehub.schema.migration;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * The read model's schema: versioned migrations under {@code db/migration}, applied by Flyway to one Postgres
 * schema (created if absent). The migrations use unqualified names, so the same files build any schema, e.g. a
 * fresh one for a rebuild that is later swapped in by renaming.
 */
public final class Migrations {
    static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Applies every pending migration to {@code schema}; a no-op when it is up to date. */
    public static void migrate(DataSource dataSource, String schema) {
        flyway(dataSource, schema).migrate();
    }

    /**
     * Whether {@code schema} exists with every known migration applied successfully (for readiness probes).
     * Throws {@link org.flywaydb.core.api.FlywayException} when the database cannot be reached.
     */
    public static boolean isUpToDate(DataSource dataSource, String schema) {
        MigrationInfoService info = flyway(dataSource, schema).info();
        return info.current() != null
                && info.pending().length == 0
                && Arrays.stream(info.applied()).map(MigrationInfo::getState).noneMatch(MigrationState::isFailed);
    }

    private static Flyway flyway(DataSource dataSource, String schema) {
        if (schema == null || !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema must match [a-z_][a-z0-9_]{0,62}, got '" + schema + "'");
        }
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations(LOCATION)
                .load();
    }
}
