package io.storagehub.reliability.outage;

import io.storagehub.api.config.ApiConfig;
import io.storagehub.api.db.ReadOnlyRole;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.PostgresServer;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A Postgres server of one test (so it can be stopped without touching the shared one) with a migrated read-model
 * schema and the API's read-only role on it.
 */
final class OwnPostgres implements AutoCloseable {
    static final String SCHEMA = "outage";
    static final String ROLE = "outage_api";
    static final String CURSOR_SECRET = "reliability-cursor-secret-0123456789abcdef";

    private final PostgresServer server;
    private final String rolePassword = UUID.randomUUID().toString();

    OwnPostgres() {
        this.server = PostgresServer.start(Optional.empty(), 0);
        DataSource admin = server.dataSource("postgres");
        Migrations.migrate(admin, SCHEMA);
        ReadOnlyRole.grant(admin, SCHEMA, ROLE, rolePassword);
    }

    PostgresServer server() {
        return server;
    }

    /** A URL of the read model's schema on this server. */
    String jdbcUrl() {
        return server.jdbcUrl("postgres") + "?currentSchema=" + SCHEMA;
    }

    ApiConfig apiConfig() {
        return new ApiConfig("127.0.0.1", 0, 32, server.jdbcUrl("postgres"), ROLE, rolePassword, SCHEMA, 4,
                Duration.ofSeconds(2), Duration.ofMillis(500), CURSOR_SECRET, Duration.ofSeconds(10),
                Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    @Override
    public void close() {
        server.close();
    }
}
