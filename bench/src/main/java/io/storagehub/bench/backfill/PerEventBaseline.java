package io.storagehub.bench.backfill;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Sql;
import io.storagehub.projection.Batch;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.migration.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The naive projector: {@link JdbiProjection#apply} with one event per batch, so one transaction (and one WAL
 * flush) per event, each with its source offset, into a fresh schema. Runs in this process, without Kafka.
 */
public final class PerEventBaseline {
    /** {@code events} applied one transaction each in {@code took}. */
    public record Result(long events, Duration took) {
        public double eventsPerSecond() {
            return events / (took.toNanos() / 1e9);
        }
    }

    private PerEventBaseline() {
    }

    public static Result run(PgCluster pg, String schema, String topic, List<Envelope> prefix) throws SQLException {
        try (Connection c = pg.connect()) {
            Sql.dropSchema(c, schema);
        }
        Migrations.migrate(Sql.dataSource(pg), schema);
        try (HikariDataSource pool = Pools.create(new PoolConfig(pg.jdbcUrl(), PgCluster.USER, "", schema, 2,
                Duration.ofSeconds(30), "bench-per-event", false))) {
            JdbiProjection projection = new JdbiProjection(Databases.jdbi(pool));
            long start = System.nanoTime();
            for (int i = 0; i < prefix.size(); i++) {
                projection.apply(new Batch(List.of(prefix.get(i)), Optional.of(new SourceOffset(topic, 0, i + 1))));
            }
            return new Result(prefix.size(), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            try (Connection c = pg.connect()) {
                Sql.dropSchema(c, schema);
            }
        }
    }
}
