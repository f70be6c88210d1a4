package io.storagehub.projection.jdbi;

import io.storagehub.projection.contract.ChangeContract;
import org.jdbi.v3.core.Jdbi;

/** The whole projection contract against the JDBI adapter on a real Postgres, one fresh schema per test. */
class JdbiContractIT extends ChangeContract {

    @Override
    protected Adapter newAdapter() {
        MigratedSchema db = MigratedSchema.create();
        Jdbi jdbi = db.jdbi;
        return new Adapter(new JdbiProjection(jdbi), new JdbiStorageQueries(jdbi), new JdbiReadModelExport(jdbi), db);
    }
}
