package io.storagehub.indexer.config;

import io.storagehub.config.Check;
import io.storagehub.config.Redaction;
import io.storagehub.config.Settings;
import java.time.Duration;

/** The Postgres read model: connection, the schema that holds it, and pool limits. */
public record DbConfig(String jdbcUrl, String user, String password, String schema, int maxPoolSize,
                       Duration statementTimeout) {
    public static final String URL = "STORAGEHUB_DB_URL";
    public static final String USER = "STORAGEHUB_DB_USER";
    public static final String PASSWORD = "STORAGEHUB_DB_PASSWORD";
    public static final String SCHEMA = "STORAGEHUB_DB_SCHEMA";
    public static final String POOL_SIZE = "STORAGEHUB_DB_POOL_SIZE";
    public static final String STATEMENT_TIMEOUT = "STORAGEHUB_DB_STATEMENT_TIMEOUT_MS";

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/storagehub";
    public static final String DEFAULT_USER = "storagehub";
    public static final String DEFAULT_SCHEMA = "storagehub";
    public static final int DEFAULT_POOL_SIZE = 4;
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    /** Short enough to take the rebuild suffix ({@code _rebuild_yyyyMMddHHmmss}) within Postgres' 63. */
    static final int MAX_SCHEMA_CHARS = 40;

    public DbConfig {
        jdbcUrl = Check.postgresUrl(URL, jdbcUrl);
        user = Check.notBlank(USER, user);
        password = password == null ? "" : password;
        Check.identifier(SCHEMA, schema, MAX_SCHEMA_CHARS);
        Check.range(POOL_SIZE, maxPoolSize, 1, 100);
        Check.range(STATEMENT_TIMEOUT, statementTimeout, 100, 3_600_000);
    }

    public static DbConfig from(Settings s) {
        return new DbConfig(
                s.string(URL, DEFAULT_URL),
                s.string(USER, DEFAULT_USER),
                s.string(PASSWORD, ""),
                s.string(SCHEMA, DEFAULT_SCHEMA),
                s.integer(POOL_SIZE, DEFAULT_POOL_SIZE, 1, 100),
                s.millis(STATEMENT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, 100, 3_600_000));
    }

    /** Without the password; the URL masked (see {@link Redaction#url}). */
    @Override
    public String toString() {
        return "DbConfig[jdbcUrl=" + Redaction.url(jdbcUrl) + ", user=" + user + ", schema=" + schema
                + ", maxPoolSize=" + maxPoolSize + ", statementTimeout=" + statementTimeout + "]";
    }

    /** The same database with another schema (a rebuild target). */
    public DbConfig withSchema(String otherSchema) {
        return new DbConfig(jdbcUrl, user, password, otherSchema, maxPoolSize, statementTimeout);
    }
}
