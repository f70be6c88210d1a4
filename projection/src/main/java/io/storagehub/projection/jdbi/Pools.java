package io.storagehub.projection.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

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
        HikariConfig hikari = new HikariConfig();
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
