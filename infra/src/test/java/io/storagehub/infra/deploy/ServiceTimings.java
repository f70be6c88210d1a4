package io.storagehub.infra.deploy;

import io.storagehub.api.consistency.IndexWatcher;
import io.storagehub.indexer.run.LiveIndexer;
import java.lang.reflect.Field;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The waits in the services' code that probes and grace periods must outlast: the indexer's start-up wait for its
 * database and its shutdown (consumer, then dead-letter relay, one after the other), and the query API's shutdown
 * (the block watcher, then Jetty and its threads). Read from the code, so a longer wait there fails the tests.
 */
final class ServiceTimings {
    private ServiceTimings() {
    }

    static Duration indexerStartup() {
        return constant(LiveIndexer.class, "STARTUP_TIMEOUT");
    }

    static Duration shutdown(String service) {
        return switch (service) {
            case "indexer" -> constant(LiveIndexer.class, "STOP_TIMEOUT").multipliedBy(2);
            case "query-api" -> constant(IndexWatcher.class, "STOP_WAIT")
                    .plusMillis(new Server().getStopTimeout())
                    .plusMillis(new QueuedThreadPool().getStopTimeout());
            default -> throw new IllegalArgumentException("no shutdown wait known for " + service);
        };
    }

    private static Duration constant(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return (Duration) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(owner.getSimpleName() + "." + name + " (a Duration) is gone: the "
                    + "deployment files' timings are checked against it", e);
        }
    }
}
