package io.storagehub.bench.backfill;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiReadModelExport;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import java.time.Duration;

/** A chain's whole read model as stored in one schema. */
public final class Snapshots {
    private Snapshots() {
    }

    public static ReadModelSnapshot read(PgCluster pg, String schema, String chain) {
        try (HikariDataSource pool = Pools.create(new PoolConfig(pg.jdbcUrl(), PgCluster.USER, "", schema, 2,
                Duration.ofMinutes(5), "bench-verify", true))) {
            return new JdbiReadModelExport(Databases.jdbi(pool)).snapshot(chain);
        }
    }

    /** Fails naming {@code what} unless the schema holds exactly the reference's state. */
    public static void requireEqual(String what, ReadModelSnapshot expected, ReadModelSnapshot actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + " differs from the in-memory reference: "
                    + expected.files().size() + " vs " + actual.files().size() + " files, "
                    + expected.buckets().size() + " vs " + actual.buckets().size() + " buckets");
        }
    }
}
