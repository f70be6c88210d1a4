package io.storagehub.reliability.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain GETs against a local server that never throw: a connection failure is status -1. */
public final class HttpProbe {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    /** One answer and how long it took. */
    public record Answer(int status, String body, double millis) {
    }

    public HttpProbe(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Answer get(String pathAndQuery) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1e6);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), (System.nanoTime() - start) / 1e6);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, e.toString(), (System.nanoTime() - start) / 1e6);
        }
    }

    public int status(String pathAndQuery) {
        return get(pathAndQuery).status();
    }
}
