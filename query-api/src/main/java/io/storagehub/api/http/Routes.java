package io.storagehub.api.http;

import io.javalin.http.Handler;

/** Where feature modules register their endpoints. Every endpoint answers GET. */
public interface Routes {
    String CHAIN_PREFIX = "/v1/chains/{chain}";

    /** An endpoint under {@link #CHAIN_PREFIX}; {@code path} is relative to it (e.g. {@code /msps/{mspId}}). */
    void chain(String path, ChainEndpoint endpoint);

    /** A global endpoint at an absolute path. */
    void global(String path, Handler handler);

    /** A feature's endpoints. */
    @FunctionalInterface
    interface Module {
        void register(Routes routes);
    }
}
