package io.storagehub.api.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ready when a pooled connection is valid and the schema's migrations are all applied. */
public final class DatabaseReadiness implements Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadiness.class);
    private static final int VALID_TIMEOUT_SECONDS = 2;

    /** Whether every migration of the read model is applied in the schema. */
    @FunctionalInterface
    public interface MigrationCheck {
        boolean isUpToDate(DataSource dataSource);
    }

    private final DataSource dataSource;
    private final MigrationCheck migrations;

    public DatabaseReadiness(DataSource dataSource, MigrationCheck migrations) {
        this.dataSource = dataSource;
        this.migrations = migrations;
    }

    @Override
    public Optional<String> notReadyReason() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALID_TIMEOUT_SECONDS)) {
                return Optional.of("the database connection is not valid");
            }
        } catch (SQLException e) {
            LOG.debug("readiness: database unreachable", e);
            return Optional.of("the database is unreachable");
        }
        try {
            return migrations.isUpToDate(dataSource)
                    ? Optional.empty()
                    : Optional.of("the read model's migrations are not all applied");
        } catch (RuntimeException e) {
            LOG.debug("readiness: migration check failed", e);
            return Optional.of("the read model's migrations could not be checked");
        }
    }
}
