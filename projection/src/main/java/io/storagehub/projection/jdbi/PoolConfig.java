package io.storagehub.projection.jdbi;

import io.storagehub.config.Redaction;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A Postgres connection pool's settings. Every connection works in {@code schema} (its search_path), so the same
 * SQL serves any schema. {@code password} may be null (no password); {@code statementTimeout} of zero means
 * none. Invalid values fail here, naming the key. A password in the URL is masked wherever the URL is shown.
 */
public record PoolConfig(String jdbcUrl, String user, String password, String schema, int maxPoolSize,
                         Duration statementTimeout, String poolName, boolean readOnly) {
    public static final int MAX_POOL_SIZE = 200;
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PoolConfig {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("db.url: must be a jdbc:postgresql: URL, got '"
                    + Redaction.url(jdbcUrl) + "'");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("db.user: must not be blank");
        }
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("db.schema: must match [a-z_][a-z0-9_]{0,62}, got '" + schema + "'");
        }
        if (maxPoolSize < 1 || maxPoolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("db.pool.max: must be 1.." + MAX_POOL_SIZE + ", got " + maxPoolSize);
        }
        if (statementTimeout == null || statementTimeout.isNegative()) {
            throw new IllegalArgumentException("db.statement-timeout: must be >= 0 (0 = none), got "
                    + statementTimeout);
        }
        if (statementTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("db.statement-timeout: must be at most " + Integer.MAX_VALUE
                    + " ms, got " + statementTimeout.toMillis());
        }
        if (poolName == null || poolName.isBlank()) {
            throw new IllegalArgumentException("db.pool.name: must not be blank");
        }
    }

    /** Whether a string is a schema name the pools accept. */
    public static boolean isValidSchema(String schema) {
        return schema != null && SCHEMA.matcher(schema).matches();
    }

    @Override
    public String toString() {
        return "PoolConfig[jdbcUrl=" + Redaction.url(jdbcUrl) + ", user=" + user + ", password=***, schema=" + schema
                + ", maxPoolSize=" + maxPoolSize + ", statementTimeout=" + statementTimeout + ", poolName="
                + poolName + ", readOnly=" + readOnly + "]";
    }
}
