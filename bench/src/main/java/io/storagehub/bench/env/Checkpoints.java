package io.storagehub.bench.env;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The live indexer's stored position in the events topic, as the benchmarks follow it. */
public final class Checkpoints {
    private Checkpoints() {
    }

    /**
     * The next offset the live projection will read from the topic's only partition (0 before its first batch):
     * the records before it are applied. {@code c} must have the read model's schema on its search path.
     */
    public static long storedOffset(Connection c, String topic) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.of(Checkpoints.class, "storedOffset"))) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
