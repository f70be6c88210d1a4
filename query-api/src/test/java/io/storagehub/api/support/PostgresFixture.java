package io.storagehub.api.support;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.api.config.ApiConfig;
import io.storagehub.api.db.ReadOnlyRole;
import io.storagehub.projection.Batch;
import io.storagehub.projection.StorageQueries;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.JdbiStorageQueries;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A read model in its own schema of the test Postgres, filled by {@link JdbiProjection} (the production writer,
 * which notifies waiting API requests), and a read-only role for the API to connect with.
 */
public final class PostgresFixture implements AutoCloseable {
    private final IsolatedSchema schema;
    private final HikariDataSource writerPool;
    private final JdbiProjection writer;
    private final StorageQueries queries;
    private final String role;
    private final String rolePassword = UUID.randomUUID().toString();

    private PostgresFixture(IsolatedSchema schema) {
        this.schema = schema;
        this.writerPool = Pools.create(new PoolConfig(schema.jdbcUrl(), schema.user(), schema.password(),
                schema.name(), 4, Duration.ZERO, "test-writer", false));
        Migrations.migrate(writerPool, schema.name());
        this.writer = new JdbiProjection(Databases.jdbi(writerPool));
        this.queries = new JdbiStorageQueries(Databases.jdbi(writerPool));
        this.role = schema.name() + "_api";
        ReadOnlyRole.grant(TestDatabase.adminDataSource(), schema.name(), role, rolePassword);
    }

    public static PostgresFixture create(List<Envelope> events) {
        PostgresFixture fixture = new PostgresFixture(TestDatabase.isolatedSchema());
        fixture.index(events);
        return fixture;
    }

    /** The API's configuration: the read-only role, this schema, a free port, short timeouts. */
    public ApiConfig apiConfig() {
        return apiConfig(TestDatabase.jdbcUrl());
    }

    public ApiConfig apiConfig(String jdbcUrl) {
        return apiConfig(jdbcUrl, Duration.ofMillis(200));
    }

    /** With the given fallback poll of waiting requests. */
    public ApiConfig apiConfig(String jdbcUrl, Duration waitPoll) {
        return new ApiConfig("127.0.0.1", 0, 32, jdbcUrl, role, rolePassword, schema.name(), 4,
                Duration.ofSeconds(5), Duration.ofMillis(500), TestServer.SECRET, Duration.ofSeconds(10), waitPoll,
                Duration.ofSeconds(1)).withStreams(TestServer.STREAMS);
    }

    /** Connecting as {@code user} instead of the read-only role, with or without the write-role allowance. */
    public ApiConfig apiConfigAs(String user, String password, boolean allowWriteRole) {
        ApiConfig c = apiConfig();
        return new ApiConfig(c.httpHost(), c.httpPort(), c.httpMaxThreads(), c.dbUrl(), user, password, c.dbSchema(),
                c.dbPoolSize(), c.statementTimeout(), c.dbConnectTimeout(), c.cursorSecret(), c.maxWait(),
                c.waitPoll(), c.indexedMaxAge(), allowWriteRole, c.streams());
    }

    public String role() {
        return role;
    }

    public String rolePassword() {
        return rolePassword;
    }

    public String schemaName() {
        return schema.name();
    }

    /** The read model as the writer's own queries see it: the expected answers. */
    public StorageQueries queries() {
        return queries;
    }

    public void index(List<Envelope> events) {
        writer.apply(Batch.of(events));
    }

    /** Every table's row count and content digest. */
    public Map<String, String> digest() {
        Map<String, String> digests = new TreeMap<>();
        try (Connection c = TestDatabase.adminDataSource().getConnection();
             PreparedStatement s = c.prepareStatement(resource("digest.sql"))) {
            s.setString(1, schema.name());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    digests.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }

    /** A JDBC URL of the test database on another port (for a proxy in front of it). */
    public static String withPort(String jdbcUrl, int port) {
        return jdbcUrl.replaceFirst("//([^:/?]+)(:\\d+)?", "//$1:" + port);
    }

    /** The port of the test database. */
    public static int databasePort() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^:/?]+:(\\d+)").matcher(TestDatabase.jdbcUrl());
        return m.find() ? Integer.parseInt(m.group(1)) : 5432;
    }

    public static String resource(String name) {
        try (InputStream in = PostgresFixture.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        writerPool.close();
        ReadOnlyRole.drop(TestDatabase.adminDataSource(), role);
        schema.close();
    }
}
