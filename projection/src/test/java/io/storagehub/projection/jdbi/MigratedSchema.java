package io.storagehub.projection.jdbi;

import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/** A fresh, migrated schema of the shared test database and a Jdbi on it; closing drops the schema. */
final class MigratedSchema implements AutoCloseable {
    final IsolatedSchema schema;
    final Jdbi jdbi;

    private MigratedSchema(IsolatedSchema schema) {
        this.schema = schema;
        this.jdbi = Databases.jdbi(schema.dataSource());
    }

    static MigratedSchema create() {
        IsolatedSchema schema = TestDatabase.isolatedSchema();
        Migrations.migrate(schema.dataSource(), schema.name());
        return new MigratedSchema(schema);
    }

    @Override
    public void close() {
        schema.close();
    }
}
