package io.storagehub.indexer.health;

import io.storagehub.schema.event.Position;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/** Reads every chain's newest indexed position with the time of its block, and the lag from it to {@code now}. */
public final class ChainFreshness {
    private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

    private ChainFreshness() {
    }

    public static List<ChainStatus> read(Handle handle, Instant now) {
        return handle.createQuery(SQL.locate(ChainFreshness.class, "chains"))
                .map((rs, ctx) -> {
                    Timestamp time = rs.getTimestamp("last_block_time");
                    return ChainStatus.of(rs.getString("chain"),
                            new Position(rs.getLong("last_block"), rs.getLong("last_index")),
                            time == null ? null : time.toInstant(), now);
                })
                .list();
    }
}
