package io.storagehub.reliability.changes;

import io.storagehub.api.support.SseClient;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that follows a {@code GET /changes} event stream as a browser's EventSource does: when the stream ends
 * or the server cannot be reached, it connects again (every 100 ms) with {@code Last-Event-ID} set to the last id
 * it received, and keeps every message in arrival order.
 */
final class StreamFollower implements AutoCloseable {
    private static final Duration RETRY = Duration.ofMillis(100);

    private final int port;
    private final String target;
    private final List<SseClient.Event> received = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final java.util.Map<String, Integer> failures = new java.util.TreeMap<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile String lastId;

    StreamFollower(int port, String target) {
        this.port = port;
        this.target = target;
        this.thread = new Thread(this::follow, "stream-follower");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void follow() {
        while (!stopped) {
            String[] headers = lastId == null ? new String[0] : new String[] {"Last-Event-ID: " + lastId};
            try (SseClient client = SseClient.open(port, target, headers)) {
                if (client.status() != 200) {
                    failed("HTTP " + client.status());
                    pause();
                    continue;
                }
                connections.incrementAndGet();
                while (!stopped) {
                    Optional<SseClient.Event> event = client.poll(Duration.ofMillis(100));
                    if (event.isPresent()) {
                        synchronized (received) {
                            received.add(event.get());
                        }
                        lastId = event.get().id();
                    } else if (client.ended()) {
                        break;
                    }
                }
            } catch (UncheckedIOException e) {
                failed(e.getCause().getClass().getSimpleName());
                pause();
            }
        }
    }

    private void failed(String why) {
        refused.incrementAndGet();
        synchronized (failures) {
            failures.merge(why, 1, Integer::sum);
        }
    }

    /** Why attempts failed, with how many times. */
    String failures() {
        synchronized (failures) {
            return failures.toString();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every message received so far, in order. */
    List<SseClient.Event> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Streams opened (200 answers). */
    int connections() {
        return connections.get();
    }

    /** Attempts refused or failed (server down, 503). */
    int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
