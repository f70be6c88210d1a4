package io.storagehub.bench.backfill;

import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples what the indexer's database sessions are doing, every few milliseconds, from
 * {@code pg_stat_activity}: executing (on CPU or waiting on a named event such as the WAL flush), inside an open
 * transaction waiting for the indexer's next statement, or outside any transaction (the indexer is polling
 * Kafka or decoding). The shares show whether the database or the client bounds the wall time.
 */
public final class ActivitySampler implements AutoCloseable {
    private final Map<String, Long> counts = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long samples;

    public ActivitySampler(PgCluster pg, String applicationName) {
        this.thread = new Thread(() -> loop(pg, applicationName), "bench-activity-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(PgCluster pg, String applicationName) {
        try (Connection c = pg.connect();
             PreparedStatement ps = c.prepareStatement(Sql.of(ActivitySampler.class, "sessions"))) {
            ps.setString(1, applicationName);
            while (running.get()) {
                String state = "no transaction open (indexer polling Kafka / decoding)";
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String s = rs.getString("state");
                        if ("active".equals(s)) {
                            String wait = rs.getString("wait_event");
                            state = wait == null ? "executing: on CPU" : "executing: waiting on "
                                    + rs.getString("wait_event_type") + "/" + wait;
                            break;
                        }
                        if (s != null && s.startsWith("idle in transaction")) {
                            state = "transaction open, waiting for the indexer's next statement";
                        }
                    }
                }
                synchronized (counts) {
                    counts.merge(state, 1L, Long::sum);
                    samples++;
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            synchronized (counts) {
                counts.merge("sampler failed: " + e.getMessage(), 1L, Long::sum);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** State to share of samples, most frequent first. */
    public Map<String, Double> shares() {
        synchronized (counts) {
            Map<String, Double> shares = new java.util.LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> shares.put(e.getKey(), samples == 0 ? 0 : (double) e.getValue() / samples));
            return shares;
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
