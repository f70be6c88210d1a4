package io.storagehub.infra.devstack;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.api.db.ReadOnlyRole;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The query API's own database role in the dev stack: like in production, it may only read the read model. Created
 * (or given a new password) by the indexer's database user, the schema's owner, once the indexer's migrations have
 * created the schema, so that tables of later migrations are readable too.
 */
record ApiRole(String name, String password) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Creates or updates {@code <schema>_api} with a new random password, as the stack's database user. */
    static ApiRole grant(Servers servers, String schema) {
        byte[] password = new byte[16];
        RANDOM.nextBytes(password);
        ApiRole role = new ApiRole(schema + "_api", HexFormat.of().formatHex(password));
        try (HikariDataSource owner = Pools.create(new PoolConfig(servers.jdbcUrl(), servers.dbUser(),
                servers.dbPassword(), schema, 1, Duration.ofSeconds(10), "storagehub-devstack-roles", false))) {
            ReadOnlyRole.grant(owner, schema, role.name(), role.password());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the dev stack gives the query API the read-only role " + role.name()
                    + ", created by the database user " + servers.dbUser() + " (--db-user), which needs CREATEROLE: "
                    + e.getMessage(), e);
        }
        return role;
    }

    @Override
    public String toString() {
        return "ApiRole[" + name + "]";
    }
}
