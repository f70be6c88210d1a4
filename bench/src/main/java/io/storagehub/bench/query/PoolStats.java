package io.storagehub.bench.query;

import io.storagehub.bench.env.PromText;
import java.io.IOException;

/**
 * The API's connection pool over a load, from its {@code /metrics} (Hikari's timers): connections handed out, the
 * mean wait for one and the mean time one was held.
 */
public record PoolStats(double acquisitions, double acquireSeconds, double usageSeconds) {

    public static PoolStats scrape(ApiProcess api) throws IOException, InterruptedException {
        return parse(api.get("/metrics").body());
    }

    static PoolStats parse(String text) {
        return new PoolStats(PromText.sum(text, "hikaricp_connections_acquire_seconds_count"),
                PromText.sum(text, "hikaricp_connections_acquire_seconds_sum"),
                PromText.sum(text, "hikaricp_connections_usage_seconds_sum"));
    }

    public PoolStats minus(PoolStats before) {
        return new PoolStats(acquisitions - before.acquisitions, acquireSeconds - before.acquireSeconds,
                usageSeconds - before.usageSeconds);
    }

    public double meanWaitMillis() {
        return acquisitions == 0 ? 0 : acquireSeconds * 1000 / acquisitions;
    }

    public double meanHeldMillis() {
        return acquisitions == 0 ? 0 : usageSeconds * 1000 / acquisitions;
    }
}
