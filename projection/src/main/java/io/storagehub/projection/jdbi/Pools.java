package io.storagehub.projection.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Hikari pools for the read model's database. */
public final class Pools {

    private Pools() {
    }

    /**
     * A pool whose connections use {@code config.schema()} as their search_path and the configured statement
     * timeout (and refuse writes when read-only), with batched inserts rewritten into multi-row statements. The pool starts without connecting, so
     * a process can start (and report itself not ready) while the database is down.
     */
    public static HikariDataSource create(PoolConfig config) {
        return create(config, Duration.ofMillis(new HikariConfig().getConnectionTimeout()));
    }

    /**
     * As {@link #create(PoolConfig)}, where a caller waits at most {@code connectionTimeout} (Hikari's minimum:
     * 250 ms) for a connection before a transient {@link java.sql.SQLTransientConnectionException}.
     */
    public static HikariDataSource create(PoolConfig config, Duration connectionTimeout) {
        HikariConfig hikari = new HikariConfig();
        hikari.setConnectionTimeout(connectionTimeout.toMillis());
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setPoolName(config.poolName());
        hikari.setReadOnly(config.readOnly());
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        hikari.addDataSourceProperty("ApplicationName", config.poolName());
        // the schema name is validated by PoolConfig ([a-z_][a-z0-9_]*), and quoted, so it is a safe identifier;
        // read-only is also set on the session, because the driver applies it to explicit transactions only
        hikari.setConnectionInitSql("SET search_path TO \"" + config.schema() + "\"; SET statement_timeout = "
                + config.statementTimeout().toMillis() + (config.readOnly()
                ? "; SET default_transaction_read_only = on" : ""));
        return new HikariDataSource(hikari);
    }
}
