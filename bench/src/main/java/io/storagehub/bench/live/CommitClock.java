package io.storagehub.bench.live;

import io.storagehub.bench.env.PgCluster;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.schema.event.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * When each position of a chain became visible: the harness listens on the indexer's commit notification channel
 * and, at each notification, reads the chain's last applied position. A change at position p committed no later
 * than the first notification after which the chain's position is at or past p; that moment is its commit time
 * (a batch that commits while the previous notification is handled is dated at the latter, so a latency measured
 * from it is, if anything, too long).
 */
public final class CommitClock implements AutoCloseable {
    private record Mark(long nanos, Position position) {
    }

    private final Connection connection;
    private final String chain;
    private final List<Mark> marks = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private CommitClock(Connection connection, String chain) {
        this.connection = connection;
        this.chain = chain;
        this.thread = new Thread(this::loop, "bench-commit-clock");
        this.thread.setDaemon(true);
    }

    public static CommitClock start(PgCluster pg, String schema, String chain) throws SQLException {
        Connection c = pg.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
            st.execute("LISTEN " + JdbiProjection.INDEXED_CHANNEL);
        }
        CommitClock clock = new CommitClock(c, chain);
        clock.mark(System.nanoTime());
        clock.thread.start();
        return clock;
    }

    /** The chain's last applied position now (origin when none). */
    public Position position() throws SQLException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT last_block, last_index FROM chain_position WHERE chain = ? AND last_block IS NOT NULL")) {
                ps.setString(1, chain);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Position(rs.getLong(1), rs.getLong(2)) : Position.ORIGIN;
                }
            }
        }
    }

    /** The time the chain was first seen at or past {@code position}, or -1 if it never was. */
    public synchronized long committedAt(Position position) {
        int lo = 0;
        int hi = marks.size() - 1;
        long found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Mark m = marks.get(mid);
            if (m.position().compareTo(position) >= 0) {
                found = m.nanos();
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    private void loop() {
        PGConnection pgc;
        try {
            pgc = connection.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        while (running) {
            try {
                PGNotification[] notifications;
                synchronized (connection) {
                    notifications = pgc.getNotifications(20);
                }
                if (notifications != null && notifications.length > 0) {
                    mark(System.nanoTime());
                } else {
                    Thread.onSpinWait();
                }
            } catch (SQLException e) {
                if (running) {
                    throw new IllegalStateException("listening for commits failed", e);
                }
            }
        }
    }

    private void mark(long nanos) {
        try {
            Position now = position();
            synchronized (this) {
                if (marks.isEmpty() || now.compareTo(marks.get(marks.size() - 1).position()) > 0) {
                    marks.add(new Mark(nanos, now));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the chain position failed", e);
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
