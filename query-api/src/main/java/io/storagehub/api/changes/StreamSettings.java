package io.storagehub.api.changes;

import java.time.Duration;

/**
 * Limits of the live change streams of one API instance: how many event-stream subscribers it serves at once
 * ({@code STORAGEHUB_API_STREAM_MAX_SUBSCRIBERS}), how many messages may wait for one slow subscriber before it
 * is disconnected ({@code STORAGEHUB_API_STREAM_MAX_QUEUED}) and the longest silence before a keep-alive comment
 * ({@code STORAGEHUB_API_STREAM_KEEPALIVE_MS}). Validated by {@code ApiConfig}.
 */
public record StreamSettings(int maxSubscribers, int maxQueued, Duration keepAlive) {
    public static final StreamSettings DEFAULT = new StreamSettings(1000, 1000, Duration.ofSeconds(15));
}
