package io.storagehub.indexer.run;

import io.storagehub.schema.migration.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Database readiness checks; the migration check is cached for a while (Flyway's info is not free). */
final class Readiness {
    private static final long MIGRATION_CACHE_NANOS = 30_000_000_000L;
    private final DataSource dataSource;
    private final String schema;
    private volatile long checkedAt;
    private volatile boolean upToDate;
    private volatile boolean reachable;

    Readiness(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    boolean databaseReachable() {
        try (Connection connection = dataSource.getConnection()) {
            reachable = connection.isValid(2);
        } catch (SQLException e) {
            reachable = false;
        }
        return reachable;
    }

    /** Checked after {@link #databaseReachable()}: false without asking while the database is unreachable. */
    boolean migrationsUpToDate() {
        if (!reachable) {
            return false;
        }
        long now = System.nanoTime();
        if (!upToDate || now - checkedAt > MIGRATION_CACHE_NANOS) {
            upToDate = Migrations.isUpToDate(dataSource, schema);
            checkedAt = now;
        }
        return upToDate;
    }
}
