package io.storagehub.bench.stream;

import io.storagehub.schema.event.Position;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client of {@code GET /changes} as a server-sent events stream: it records the id of every message it
 * receives, with the time it arrived, and whether the server ended or broke the stream before the client closed it.
 */
final class Subscriber implements Flow.Subscriber<String> {
    /** One received change: its position (the message id) and when its blank line arrived. */
    record Received(Position position, long nanos) {
    }

    private final String name;
    private final String filterQuery;
    private final SseParser parser = new SseParser();
    private final List<Received> received = new ArrayList<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private volatile int status = -1;
    private volatile boolean closedByClient;
    private volatile String endedBy;
    private CompletableFuture<HttpResponse<Void>> response;

    private Subscriber(String name, String filterQuery) {
        this.name = name;
        this.filterQuery = filterQuery;
    }

    /** Opens the stream of the chain's changes after {@code after} that pass {@code filterQuery} ("" for all). */
    static Subscriber open(HttpClient client, String base, String chain, Position after, String name,
                           String filterQuery) {
        Subscriber s = new Subscriber(name, filterQuery);
        URI uri = URI.create(base + "/v1/chains/" + chain + "/changes?after=" + after
                + (filterQuery.isEmpty() ? "" : "&" + filterQuery));
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
        s.response = client.sendAsync(request, info -> {
            s.status = info.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(s);
        });
        s.response.whenComplete((r, e) -> {
            if (!s.closedByClient && s.endedBy == null) {
                s.endedBy = e != null ? e.toString() : "the server ended the stream (status " + s.status + ")";
            }
        });
        return s;
    }

    String name() {
        return name;
    }

    String filterQuery() {
        return filterQuery;
    }

    /** The HTTP status once the headers arrived, else -1. */
    int status() {
        return status;
    }

    boolean subscribed() {
        return subscription.get() != null;
    }

    /** Why the stream ended before the client closed it, or null. */
    String endedBy() {
        return endedBy;
    }

    long keepAlives() {
        synchronized (parser) {
            return parser.comments();
        }
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * The changes received at or after {@code since} ({@link System#nanoTime()}), oldest first: the recent end of
     * {@link #received()}, read from the end without copying the rest.
     */
    synchronized List<Received> receivedSince(long since) {
        int from = received.size();
        while (from > 0 && received.get(from - 1).nanos() >= since) {
            from--;
        }
        return List.copyOf(received.subList(from, received.size()));
    }

    void close() {
        closedByClient = true;
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
        if (response != null) {
            response.cancel(true);
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.set(s);
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        long now = System.nanoTime();
        SseParser.Message message;
        synchronized (parser) {
            message = parser.line(line).orElse(null);
        }
        if (message != null && message.id() != null) {
            int colon = message.id().indexOf(':');
            Position position = new Position(Long.parseLong(message.id().substring(0, colon)),
                    Long.parseLong(message.id().substring(colon + 1)));
            synchronized (this) {
                received.add(new Received(position, now));
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (!closedByClient && endedBy == null) {
            endedBy = throwable.toString();
        }
    }

    @Override
    public void onComplete() {
        if (!closedByClient && endedBy == null) {
            endedBy = "the server ended the stream";
        }
    }
}
