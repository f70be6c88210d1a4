package io.storagehub.projection.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh, migrated schema of the shared test database and a Jdbi on a small pool of it, as the indexer and the
 * API use the database (a connection per statement would make a test that runs thousands of queries spend its
 * time starting Postgres backends); closing closes the pool and drops the schema.
 */
final class MigratedSchema implements AutoCloseable {
    final IsolatedSchema schema;
    final Jdbi jdbi;
    private final HikariDataSource pool;

    private MigratedSchema(IsolatedSchema schema) {
        this.schema = schema;
        this.pool = Pools.create(new PoolConfig(schema.jdbcUrl(), schema.user(), schema.password(), schema.name(),
                4, Duration.ZERO, "test-" + schema.name(), false));
        this.jdbi = Databases.jdbi(pool);
    }

    static MigratedSchema create() {
        IsolatedSchema schema = TestDatabase.isolatedSchema();
        Migrations.migrate(schema.dataSource(), schema.name());
        return new MigratedSchema(schema);
    }

    @Override
    public void close() {
        pool.close();
        schema.close();
    }
}
