package io.storagehub.api.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.storagehub.api.config.ApiConfig;
import io.storagehub.api.consistency.PgNotificationSource;
import io.storagehub.projection.StorageQueries;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiStorageQueries;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import io.storagehub.schema.migration.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The API's view of the read model's database: a read-only pool with a statement timeout (Hikari metrics in the
 * registry), the queries over it, the migration check, and a factory of the dedicated listen connection.
 */
public final class ApiDatabase implements AutoCloseable {
    static final String POOL_NAME = "storagehub-api";
    private static final String LISTENER_NAME = "storagehub-api-listener";

    private final ApiConfig config;
    private final HikariDataSource pool;
    private final StorageQueries queries;

    private ApiDatabase(ApiConfig config, HikariDataSource pool) {
        this.config = config;
        this.pool = pool;
        this.queries = new JdbiStorageQueries(Databases.jdbi(pool));
    }

    /**
     * Creates the pool without connecting: the API starts (not ready) while the database is down. A request waits
     * at most {@code dbConnectTimeout} for a connection (Hikari's {@code connectionTimeout}, 30 s by default), so
     * that it fails fast with a transient error, answered 503, when the database is down or the pool exhausted.
     */
    public static ApiDatabase open(ApiConfig config, MeterRegistry registry) {
        HikariDataSource pool = Pools.create(new PoolConfig(config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.dbSchema(), config.dbPoolSize(), config.statementTimeout(), POOL_NAME, true),
                config.dbConnectTimeout());
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        return new ApiDatabase(config, pool);
    }

    public StorageQueries queries() {
        return queries;
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean migrationsUpToDate(DataSource dataSource) {
        return Migrations.isUpToDate(dataSource, config.dbSchema());
    }

    /** Opens the listen connection: same database and role, outside the pool. */
    public Connection openListener() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", config.dbUser());
        properties.setProperty("password", config.dbPassword());
        properties.setProperty("ApplicationName", LISTENER_NAME);
        properties.setProperty("connectTimeout",
                Long.toString(Math.max(1, TimeUnit.MILLISECONDS.toSeconds(config.dbConnectTimeout().toMillis()))));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("readOnly", "true");
        return DriverManager.getConnection(config.dbUrl(), properties);
    }

    @Override
    public void close() {
        pool.close();
    }
}
