package io.storagehub.indexer.run;

import io.storagehub.indexer.retry.FatalFailure;
import io.storagehub.indexer.retry.Failures;
import io.storagehub.schema.migration.Migrations;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Makes sure the read model's schema is the one this code was built for: migrates it (when asked) and refuses a
 * schema that is behind (pending migrations) or ahead (migrations this code does not know: a newer indexer
 * migrated it) with a {@link FatalFailure} that says what to do.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static void verify(DataSource dataSource, String schema, boolean migrate) {
        try {
            if (migrate) {
                Migrations.migrate(dataSource, schema);
            }
            MigrationInfo[] applied = Flyway.configure(SchemaCheck.class.getClassLoader()).dataSource(dataSource)
                    .schemas(schema).locations("classpath:db/migration").load().info().applied();
            String future = Arrays.stream(applied)
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .map(m -> m.getVersion().toString()).reduce((a, b) -> a + ", " + b).orElse("");
            if (!future.isEmpty()) {
                throw new FatalFailure("schema '" + schema + "' has migrations newer than this indexer (" + future
                        + "): run the indexer version that migrated it, or rebuild into a fresh schema");
            }
            if (!Migrations.isUpToDate(dataSource, schema)) {
                throw new FatalFailure("schema '" + schema + "' is not migrated to this indexer's version: "
                        + "start with --migrate (the default) or apply the migrations first");
            }
        } catch (FatalFailure e) {
            throw e;
        } catch (RuntimeException e) {
            RuntimeException classified = Failures.classify("checking the schema '" + schema + "'", e);
            if (classified instanceof FatalFailure) {
                throw new FatalFailure("schema '" + schema + "' cannot be used: " + e.getMessage()
                        + " (migrations failed or do not match this indexer)", e);
            }
            throw classified;
        }
    }
}
