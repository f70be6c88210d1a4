package io.storagehub.indexer.config;

import io.storagehub.config.Check;
import io.storagehub.config.ConfigException;
import io.storagehub.config.Redaction;
import io.storagehub.config.Settings;
import java.time.Duration;
import java.util.Locale;

/**
 * The Postgres read model: connection, the schema that holds it, pool limits, and whether applied events are kept
 * as changes ({@code changes}: the history and {@code /changes} of the query API; off, nothing is written to the
 * change tables).
 */
public record DbConfig(String jdbcUrl, String user, String password, String schema, int maxPoolSize,
                       Duration statementTimeout, boolean changes) {
    public static final String URL = "STORAGEHUB_DB_URL";
    public static final String USER = "STORAGEHUB_DB_USER";
    public static final String PASSWORD = "STORAGEHUB_DB_PASSWORD";
    public static final String SCHEMA = "STORAGEHUB_DB_SCHEMA";
    public static final String POOL_SIZE = "STORAGEHUB_DB_POOL_SIZE";
    public static final String STATEMENT_TIMEOUT = "STORAGEHUB_DB_STATEMENT_TIMEOUT_MS";
    public static final String CHANGES = "STORAGEHUB_INDEXER_CHANGES";

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

    /** A read model that keeps changes. */
    public DbConfig(String jdbcUrl, String user, String password, String schema, int maxPoolSize,
                    Duration statementTimeout) {
        this(jdbcUrl, user, password, schema, maxPoolSize, statementTimeout, true);
    }

    public static DbConfig from(Settings s) {
        String changes = s.string(CHANGES, "on").trim().toLowerCase(Locale.ROOT);
        if (!changes.equals("on") && !changes.equals("off")) {
            throw new ConfigException(CHANGES + " = '" + changes + "' is invalid: expected on or off");
        }
        return new DbConfig(
                s.string(URL, DEFAULT_URL),
                s.string(USER, DEFAULT_USER),
                s.string(PASSWORD, ""),
                s.string(SCHEMA, DEFAULT_SCHEMA),
                s.integer(POOL_SIZE, DEFAULT_POOL_SIZE, 1, 100),
                s.millis(STATEMENT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, 100, 3_600_000),
                changes.equals("on"));
    }

    /** The same read model, keeping changes or not. */
    public DbConfig withChanges(boolean keep) {
        return new DbConfig(jdbcUrl, user, password, schema, maxPoolSize, statementTimeout, keep);
    }

    /** Without the password; the URL masked (see {@link Redaction#url}). */
    @Override
    public String toString() {
        return "DbConfig[jdbcUrl=" + Redaction.url(jdbcUrl) + ", user=" + user + ", schema=" + schema
                + ", maxPoolSize=" + maxPoolSize + ", statementTimeout=" + statementTimeout + ", changes="
                + (changes ? "on" : "off") + "]";
    }

    /** The same database with another schema (a rebuild target). */
    public DbConfig withSchema(String otherSchema) {
        return new DbConfig(jdbcUrl, user, password, otherSchema, maxPoolSize, statementTimeout, changes);
    }
}
