package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class PoolsIT {

    @Test
    void connections_workInTheConfiguredSchema_withTheStatementTimeout() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema();
             HikariDataSource pool = Pools.create(config(schema, Duration.ofMillis(1500), false))) {
            // given
            Migrations.migrate(pool, schema.name());
            Jdbi jdbi = Databases.jdbi(pool);

            // when
            String searchPath = jdbi.withHandle(h -> h.createQuery("SHOW search_path").mapTo(String.class).one());
            String timeout = jdbi.withHandle(h -> h.createQuery("SHOW statement_timeout").mapTo(String.class).one());

            // then
            assertThat(searchPath).isEqualTo(schema.name());
            assertThat(timeout).isEqualTo("1500ms");
            assertThat(new JdbiProjection(jdbi).chainPositions()).isEmpty();
            assertThat(Migrations.isUpToDate(pool, schema.name())).isTrue();
        }
    }

    @Test
    void readOnlyPools_refuseWrites() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            Migrations.migrate(schema.dataSource(), schema.name());
            try (HikariDataSource pool = Pools.create(config(schema, Duration.ZERO, true))) {
                Jdbi jdbi = Databases.jdbi(pool);
                String timeout = jdbi.withHandle(h -> h.createQuery("SHOW statement_timeout").mapTo(String.class)
                        .one());

                assertThat(timeout).isEqualTo("0");
                assertThat(new JdbiStorageQueries(jdbi).chains()).isEmpty();
                assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                        "INSERT INTO chain_position (chain) VALUES ('x')"))).hasMessageContaining("read-only");
            }
        }
    }

    @Test
    void create_doesNotNeedTheDatabase_untilAConnectionIsUsed() {
        PoolConfig unreachable = new PoolConfig("jdbc:postgresql://127.0.0.1:1/none", "nobody", null, "storagehub",
                2, Duration.ZERO, "unreachable", false);

        try (HikariDataSource pool = Pools.create(unreachable)) {
            assertThat(pool.isRunning()).isTrue();
        }
    }

    private static PoolConfig config(IsolatedSchema schema, Duration timeout, boolean readOnly) {
        return new PoolConfig(TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password(), schema.name(), 2,
                timeout, "test-" + schema.name(), readOnly);
    }
}
