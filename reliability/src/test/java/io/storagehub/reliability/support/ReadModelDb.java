package io.storagehub.reliability.support;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiReadModelExport;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The test's own view of the indexer's read model in one schema: stored offsets, pending dead letters, the
 * indexer's open transactions, snapshots. Reads return empty while the database is unreachable.
 */
public final class ReadModelDb implements AutoCloseable {
    private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

    /** The indexer's connections: writing inside a batch transaction, inside any transaction. */
    public record Backends(int writing, int inTransaction) {
    }

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    public ReadModelDb(String jdbcUrl, String user, String password, String schema) {
        this.pool = Pools.create(new PoolConfig(jdbcUrl, user, password, schema, 2, Duration.ofSeconds(60),
                "reliability-test", false));
        this.pool.setConnectionTimeout(1_000);
        this.jdbi = Databases.jdbi(pool);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The stored next offset of each partition of {@code topic}; empty when the database does not answer. */
    public Optional<Map<Integer, Long>> storedOffsets(String topic) {
        try {
            return Optional.of(jdbi.withHandle(h -> {
                Map<Integer, Long> offsets = new HashMap<>();
                h.createQuery(sql("storedOffsets")).bind("topic", topic)
                        .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getLong(2)))
                        .forEach(e -> offsets.put(e.getKey(), e.getValue()));
                return offsets;
            }));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The sum of the stored offsets: records accounted for so far. */
    public long progress(String topic) {
        return storedOffsets(topic).map(m -> m.values().stream().mapToLong(Long::longValue).sum()).orElse(-1L);
    }

    public Optional<Long> pendingDeadLetters() {
        try {
            return Optional.of(jdbi.withHandle(h -> h.createQuery(sql("pendingDeadLetters")).mapTo(Long.class).one()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether every partition's stored offset reached {@code ends} and no dead letter waits to be published. */
    public boolean caughtUp(String topic, Map<Integer, Long> ends) {
        Optional<Map<Integer, Long>> stored = storedOffsets(topic);
        return stored.isPresent()
                && ends.entrySet().stream().allMatch(e -> stored.get().getOrDefault(e.getKey(), 0L) >= e.getValue())
                && pendingDeadLetters().orElse(1L) == 0;
    }

    public Backends indexerBackends() {
        return jdbi.withHandle(h -> h.createQuery(sql("indexerBackends"))
                .map((rs, ctx) -> new Backends(rs.getInt("writing"), rs.getInt("in_transaction"))).one());
    }

    public ReadModelSnapshot snapshot(String chain) {
        return new JdbiReadModelExport(jdbi).snapshot(chain);
    }

    private static String sql(String name) {
        return SQL.locate(ReadModelDb.class, name);
    }

    @Override
    public void close() {
        pool.close();
    }
}
