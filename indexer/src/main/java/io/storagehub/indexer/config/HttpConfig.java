package io.storagehub.indexer.config;

import io.storagehub.config.Check;
import io.storagehub.config.Settings;

/** The operations endpoint ({@code /metrics}, {@code /health}, {@code /ready}); port 0 picks a free port. */
public record HttpConfig(String host, int port) {
    public static final String HOST = "STORAGEHUB_INDEXER_HTTP_HOST";
    public static final String PORT = "STORAGEHUB_INDEXER_HTTP_PORT";
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8081;

    public HttpConfig {
        host = Check.notBlank(HOST, host);
        Check.range(PORT, port, 0, 65_535);
    }

    public static HttpConfig from(Settings s) {
        return new HttpConfig(s.string(HOST, DEFAULT_HOST), s.integer(PORT, DEFAULT_PORT, 0, 65_535));
    }
}
