package io.storagehub.projection.jdbi;

import io.storagehub.projection.contract.ChangeContract;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/** The whole projection contract against the JDBI adapter on a real Postgres, one fresh schema per test. */
class JdbiContractIT extends ChangeContract {

    @Override
    protected Adapter newAdapter() {
        IsolatedSchema schema = TestDatabase.isolatedSchema();
        Migrations.migrate(schema.dataSource(), schema.name());
        Jdbi jdbi = Databases.jdbi(schema.dataSource());
        return new Adapter(new JdbiProjection(jdbi), new JdbiStorageQueries(jdbi), new JdbiReadModelExport(jdbi),
                schema);
    }
}
