package io.storagehub.bench.live;

import io.storagehub.bench.env.Checkpoints;
import io.storagehub.bench.env.Services;
import io.storagehub.bench.env.Sql;
import io.storagehub.testkit.process.ChildJvm;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waiting for the live indexer to apply what is in the topic, before a live feed starts or after it ends. */
public final class Backlog {
    private static final Logger log = LoggerFactory.getLogger(Backlog.class);
    /** How long the indexer may take to apply what is in the topic. */
    private static final int MAX_DRAIN_MINUTES = 30;

    private Backlog() {
    }

    /**
     * Waits until the indexer's stored offset reaches {@code end}, at most {@link #MAX_DRAIN_MINUTES}, logging
     * progress under {@code phase}; returns how many records that took it from where it was.
     */
    public static long awaitApplied(Services services, ChildJvm indexer, long end, String phase) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MAX_DRAIN_MINUTES);
        long lastLog = System.nanoTime();
        try (Connection c = services.pg().connect()) {
            Sql.useSchema(c, services.schema());
            long from = Checkpoints.storedOffset(c, services.topic());
            while (true) {
                long stored = Checkpoints.storedOffset(c, services.topic());
                if (stored >= end) {
                    return end - Math.min(from, end);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the indexer did not reach offset " + end + " within "
                            + MAX_DRAIN_MINUTES + " min (at " + stored + ")");
                }
                if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(10)) {
                    log.info("{}: indexer at offset {} of {}", phase, stored, end);
                    lastLog = System.nanoTime();
                }
                indexer.checkAlive();
                Thread.sleep(100);
            }
        }
    }
}
