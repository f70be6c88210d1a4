package io.storagehub.reliability.http;

import io.storagehub.api.support.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends hostile requests from several threads and judges every answer: never a 500 (nor another 5xx, except a
 * 505 whose problem document says 505 for a request in an HTTP version the server does not speak), never a
 * trace or an internal class name in the body, 4xx answers as problem documents, and a 4xx wherever only a 4xx
 * is right. A raw request the server closes without answering counts as refused, not as a failure.
 */
final class Attack {
    /** Requests in an HTTP version the server does not speak: 505, with a problem document saying 505, is right. */
    static final String UNSUPPORTED_VERSION = "unsupported HTTP version";
    static final List<String> TRACE_MARKERS = List.of("\tat ", "Exception", "Caused by", "org.eclipse",
            "org.postgresql", "org.jdbi", "io.storagehub.", "<html", "SQLState");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger internalErrors = new AtomicInteger();
    private final AtomicInteger other5xx = new AtomicInteger();
    private final AtomicInteger versionRefused = new AtomicInteger();
    private final AtomicInteger traces = new AtomicInteger();
    private final AtomicInteger notProblem = new AtomicInteger();
    private final AtomicInteger not4xx = new AtomicInteger();
    private final AtomicLong slowestInjectionMicros = new AtomicLong();
    private final List<String> examples = Collections.synchronizedList(new ArrayList<>());

    Attack(int port) {
        this.port = port;
    }

    /** Sends every request, {@code threads} at a time; returns when all are answered. */
    void run(List<BadRequest> requests, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (BadRequest request : requests) {
                done.add(pool.submit(() -> send(request)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the attack failed to run", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void send(BadRequest request) {
        long start = System.nanoTime();
        int status;
        String contentType;
        String body;
        if (request.uri() != null) {
            HttpResponse<String> response = get(request.uri());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            body = response.body();
        } else {
            RawHttp.Answer answer;
            try {
                answer = RawHttp.send(port, request.raw());
            } catch (AssertionError | UncheckedIOException e) {
                sent.incrementAndGet();
                refused.incrementAndGet();
                return;
            }
            status = answer.status();
            contentType = answer.contentType();
            body = answer.body();
        }
        if (request.kind().startsWith("injection")) {
            slowestInjectionMicros.accumulateAndGet((System.nanoTime() - start) / 1000, Math::max);
        }
        judge(request, status, contentType, body);
    }

    private HttpResponse<String> get(String uri) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void judge(BadRequest request, int status, String contentType, String body) {
        sent.incrementAndGet();
        statuses.merge(status, 1, Integer::sum);
        if (status == 500) {
            internalErrors.incrementAndGet();
            example(request, status, body);
        } else if (status == 505 && request.kind().equals(UNSUPPORTED_VERSION)
                && body.contains("\"status\":505") && !body.contains("/problems/internal")) {
            versionRefused.incrementAndGet();
        } else if (status >= 500) {
            other5xx.incrementAndGet();
            example(request, status, body);
        }
        if (TRACE_MARKERS.stream().anyMatch(body::contains)) {
            traces.incrementAndGet();
            example(request, status, body);
        }
        if (status >= 400 && status < 500 && !contentType.startsWith("application/problem+json")) {
            notProblem.incrementAndGet();
            example(request, status, contentType);
        }
        if (request.mustBe4xx() && (status < 400 || status >= 500)) {
            not4xx.incrementAndGet();
            example(request, status, body);
        }
    }

    private void example(BadRequest request, int status, String detail) {
        if (examples.size() < 20) {
            examples.add(request + " -> " + status + " " + (detail.length() > 300 ? detail.substring(0, 300) : detail));
        }
    }

    int sent() {
        return sent.get();
    }

    Map<Integer, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    int refused() {
        return refused.get();
    }

    int internalErrors() {
        return internalErrors.get();
    }

    /** 505 answers to requests in an unsupported HTTP version (a correct answer, not a failure). */
    int versionRefused() {
        return versionRefused.get();
    }

    int other5xx() {
        return other5xx.get();
    }

    int traces() {
        return traces.get();
    }

    int notProblem() {
        return notProblem.get();
    }

    int not4xx() {
        return not4xx.get();
    }

    double slowestInjectionMillis() {
        return slowestInjectionMicros.get() / 1000.0;
    }

    List<String> examples() {
        return List.copyOf(examples);
    }
}
