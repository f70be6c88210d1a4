package io.storagehub.api;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.api.support.Http;
import io.storagehub.api.support.Malformed;
import io.storagehub.api.support.PostgresFixture;
import io.storagehub.api.support.RawHttp;
import io.storagehub.api.support.TestChain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed requests (bad ids and chain names, injection strings, huge and negative limits, forged
 * cursors, bad history orders, change filters and positions, bad percent-encodings and UTF-8, long paths and headers) against the API over Postgres: every answer
 * is a 4xx problem document without a trace, and the database is exactly as before.
 */
class FuzzIT {
    private static final long SEED = 20260101L;
    private static final int PARALLEL = 10;
    private static final String CHAIN = "/v1/chains/" + TestChain.NAME;
    private static final List<String> ROUTES = List.of("/msps", "/msps/{mspId}", "/msps/{mspId}/buckets", "/bsps",
            "/bsps/{bspId}", "/bsps/{bspId}/files", "/buckets/{bucketId}", "/buckets/{bucketId}/files",
            "/buckets/{bucketId}/tree", "/files/{fileKey}", "/accounts/{account}/buckets",
            "/accounts/{account}/files", "/accounts/{account}/payment-streams",
            "/providers/{providerId}/payment-streams", "/files/{fileKey}/history", "/buckets/{bucketId}/history",
            "/msps/{mspId}/history", "/bsps/{bspId}/history", "/changes");
    private static final List<String> LISTS = ROUTES.stream()
            .filter(r -> r.endsWith("s") || r.endsWith("tree") || r.endsWith("payment-streams") || r.endsWith("history"))
            .toList();
    private static final List<String> CHANGE_FILTERS = List.of("bucket", "file", "msp", "bsp", "account");
    private static PostgresFixture database;
    private static QueryApi api;

    @BeforeAll
    static void start() {
        database = PostgresFixture.create(TestChain.events());
        api = QueryApi.start(database.apiConfig());
    }

    @AfterAll
    static void stop() {
        api.stop();
        database.close();
    }

    @Test
    void malformedRequests_areAll4xxProblems_andChangeNothing() {
        Map<String, String> before = database.digest();
        Malformed m = new Malformed(SEED);
        Http http = new Http(api.port());
        Map<Integer, Integer> statuses = new TreeMap<>();

        for (int round = 0; round < 2500 / PARALLEL; round++) {
            List<String> targets = new ArrayList<>();
            List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                targets.add(wellFormedUriWithOneBadPart(m));
                answers.add(http.getAsync(targets.get(i)));
            }
            for (int i = 0; i < PARALLEL; i++) {
                Http.Answer answer = answers.get(i).join();
                check(targets.get(i), answer.status(), answer.contentType(), answer.body());
                statuses.merge(answer.status(), 1, Integer::sum);
            }
        }
        for (int i = 0; i < 300; i++) {
            String target = rawTarget(m);
            String method = i % 10 == 5 ? m.pick(List.of("POST", "PUT", "DELETE", "PATCH")) : "GET";
            if (i % 10 == 5) {
                target = CHAIN + m.pick(List.of("/msps", "/files/" + file(1), "/buckets/" + bucket(1) + "/tree"));
            }
            RawHttp.Answer answer = i % 10 == 0
                    ? RawHttp.get(api.port(), CHAIN + "/msps", "X-Junk: " + "j".repeat(9000 + m.random().nextInt(20000)))
                    : RawHttp.send(api.port(), (method + " " + target
                            + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            check(target, answer.status(), answer.contentType(), answer.body());
            statuses.merge(answer.status(), 1, Integer::sum);
        }

        assertThat(statuses.keySet()).contains(400, 405, 414, 431).allMatch(s -> s >= 400 && s < 500);
        assertThat(database.digest()).isEqualTo(before);
    }

    private static void check(String target, int status, String contentType, String body) {
        assertThat(status).as("%s -> %s %s", target, status, body).isBetween(400, 499);
        assertThat(contentType).as(target).startsWith("application/problem+json");
        assertThat(body).as(target).doesNotContain("\tat ", "Exception:", "Caused by", "org.eclipse", "<html");
    }

    /** A request a normal client can send, with exactly one malformed part (so a 4xx is the only right answer). */
    private static String wellFormedUriWithOneBadPart(Malformed m) {
        String route = m.pick(ROUTES);
        int bad = m.random().nextInt(route.contains("{") ? 7 : 6);
        String chain = bad == 0 ? m.chain() : TestChain.NAME;
        String path = route
                .replace("{mspId}", bad == 6 ? m.id() : provider(TestChain.MSP).hex())
                .replace("{bspId}", bad == 6 ? m.id() : provider(TestChain.BSP).hex())
                .replace("{bucketId}", bad == 6 ? m.id() : bucket(TestChain.BIG_BUCKET).hex())
                .replace("{fileKey}", bad == 6 ? m.id() : file(1).hex())
                .replace("{account}", bad == 6 ? m.id() : account(TestChain.OWNER).hex())
                .replace("{providerId}", bad == 6 ? m.id() : provider(TestChain.MSP).hex());
        if ((bad == 1 || bad == 2) && !LISTS.contains(route)) {
            bad = 5; // limit and cursor are unknown (ignored) parameters of single-entity routes
        }
        String query;
        switch (bad) {
            case 1: query = "limit=" + Malformed.encodeAll(m.limit()); break;
            case 2: query = "cursor=" + Malformed.encodeAll(m.cursor()); break;
            case 3: query = "minBlock=" + Malformed.encodeAll(m.minBlock()) + "&waitMs=10"; break;
            case 4: query = "minBlock=1&waitMs=" + Malformed.encodeAll(m.waitMs()); break;
            case 5: query = filterProblem(route, m); break;
            default: query = "limit=5&unknown=" + Malformed.encodeAll(m.text(10));
        }
        return "/v1/chains/" + segment(chain) + segmentAll(path) + "?" + query;
    }

    private static String filterProblem(String route, Malformed m) {
        if (route.endsWith("/history")) {
            return "order=" + Malformed.encodeAll(m.pick(List.of("DESC", "up", "", "newest", "asc ", m.text(5))));
        }
        if (route.equals("/changes")) {
            return m.random().nextBoolean() ? "after=" + Malformed.encodeAll(m.position())
                    : m.pick(CHANGE_FILTERS) + "=" + Malformed.encodeAll(invalidId(m));
        }
        if (route.endsWith("/tree")) {
            return "path=" + Malformed.encodeAll(m.random().nextBoolean() ? "no-trailing-slash" : m.longOrNulText());
        }
        if (route.endsWith("/buckets/{bucketId}/files")) {
            return m.random().nextBoolean() ? "prefix=" + Malformed.encodeAll(m.longOrNulText())
                    : "underReplicated=" + Malformed.encodeAll(m.pick(List.of("yes", "1", "TRUE", "", "t")));
        }
        return "minBlock=" + Malformed.encodeAll(m.minBlock());
    }

    /** A malformed id that is neither a valid hex32 nor a valid account (a filter would accept those). */
    private static String invalidId(Malformed m) {
        String id = m.id();
        while (id.matches("0[xX]([0-9a-fA-F]{40}|[0-9a-fA-F]{64})")) {
            id = m.id();
        }
        return id;
    }

    /** What only a raw client sends: broken encodings and bytes in the path or query, very long targets. */
    private static String rawTarget(Malformed m) {
        switch (m.random().nextInt(4)) {
            case 0: return CHAIN + "/msps/" + m.brokenEncoding();
            case 1: return CHAIN + "/buckets/" + bucket(1).hex() + "/files?prefix=" + m.brokenEncoding();
            case 2: return CHAIN + "/files/" + "x".repeat(9000 + m.random().nextInt(30000));
            default: return CHAIN + "/bsps?cursor=" + m.brokenEncoding() + "&limit=" + m.brokenEncoding();
        }
    }

    private static String segment(String value) {
        return Malformed.encodeAll(value);
    }

    private static String segmentAll(String path) {
        StringBuilder b = new StringBuilder();
        for (String part : path.substring(1).split("/", -1)) {
            b.append('/').append(Malformed.encodeAll(part));
        }
        return b.toString();
    }
}
