package io.storagehub.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.api.http.ApiServer;
import io.storagehub.api.problem.ProblemType;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.RawHttp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, readiness, metrics, the OpenAPI document, and request ids. */
public interface OpsContract extends ApiUnderTest {
    /** What any route can answer (Jetty's protocol errors, Javalin's 405); chain routes add 404 and 503. */
    List<String> EVERY_ROUTE_ANSWERS = List.of("400", "405", "414", "431");
    List<String> CHAIN_ROUTES_ALSO_ANSWER = List.of("404", "503");

    @Test
    default void health_and_ready_are200() {
        Http.Answer health = http().get("/health");
        Http.Answer ready = http().get("/ready");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("up");
        assertThat(ready.status()).as("%s", ready).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    }

    @Test
    default void metrics_countRequests_perRouteTemplateAndStatus() {
        http().get(CHAIN + "/msps");
        http().get(CHAIN + "/msps/0x12");
        http().get("/no/such/path/" + System.nanoTime());

        String metrics = http().get("/metrics").body();

        assertThat(metrics).contains("http_server_requests_seconds_bucket{");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{method=\"GET\","
                + "route=\"/v1/chains/\\{chain}/msps\",status=\"200\"} [1-9]");
        assertThat(metrics).contains("route=\"/v1/chains/{chain}/msps/{mspId}\",status=\"400\"");
        assertThat(metrics).contains("route=\"unmatched\",status=\"404\"");
        assertThat(metrics).doesNotContain("/no/such/path");
    }

    @Test
    default void openApi_documentsEveryRegisteredRoute() {
        JsonNode doc = http().get("/openapi.json").json();

        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(routes()).hasSizeGreaterThanOrEqualTo(19);
        for (ApiServer.Route route : routes()) {
            JsonNode path = doc.get("paths").get(route.path());
            assertThat(path).as("OpenAPI lacks %s", route.path()).isNotNull();
            assertThat(path.get(route.method().toLowerCase(Locale.ROOT)))
                    .as("OpenAPI lacks %s %s", route.method(), route.path()).isNotNull();
        }
        assertThat(doc.get("paths").size()).as("OpenAPI documents routes the server lacks")
                .isEqualTo(routes().size());
    }

    @Test
    default void openApi_isServerRelative_withoutSecurity_andEveryOperationDocumentsItsErrorsAsProblems() {
        JsonNode doc = http().get("/openapi.json").json();

        assertThat(doc.path("servers").path(0).path("url").asText()).as("servers[0].url").isEqualTo("/");
        assertThat(doc.get("security")).as("top-level security").isNotNull();
        assertThat(doc.get("security").isArray() && doc.get("security").isEmpty()).as("security: []").isTrue();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                JsonNode responses = operation.getValue().get("responses");
                List<String> expected = new ArrayList<>(EVERY_ROUTE_ANSWERS);
                if (path.getKey().startsWith("/v1/chains/{chain}")) {
                    expected.addAll(CHAIN_ROUTES_ALSO_ANSWER);
                }
                for (String status : expected) {
                    assertThat(responses.has(status)).as("%s lacks its %s answer", name, status).isTrue();
                }
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (response.getKey().compareTo("400") >= 0) {
                        JsonNode schema = resolve(doc, response.getValue())
                                .at("/content/application~1problem+json/schema/$ref");
                        assertThat(schema.asText()).as("%s %s", name, response.getKey())
                                .isEqualTo("#/components/schemas/Problem");
                    }
                }
            }
        }
    }

    @Test
    default void openApi_problemTypes_areExactlyTheOnesTheApiAnswers() {
        JsonNode types = http().get("/openapi.json").json().at("/components/schemas/Problem/properties/type/enum");

        List<String> documented = new ArrayList<>();
        types.forEach(type -> documented.add(type.asText()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemType.values()).map(type -> type.uri().toString()).toList());
    }

    @Test
    default void everyRoute_answersTheProtocolErrorsItDocuments_asProblems() {
        for (ApiServer.Route route : routes()) {
            String path = route.path().replaceAll("\\{[^}]+}", "x");

            Http.Answer post = http().send("POST", path);
            assertThat(post.status()).as("POST %s", path).isEqualTo(405);
            assertThat(post.contentType()).as("POST %s", path).startsWith("application/problem+json");
            RawHttp.Answer longUri = RawHttp.get(http().port(), path + "?q=" + "a".repeat(20_000));
            assertThat(longUri.status()).as("long URI %s", path).isEqualTo(414);
            assertThat(longUri.contentType()).startsWith("application/problem+json");
            RawHttp.Answer bigHeaders = RawHttp.get(http().port(), path, "X-Big: " + "b".repeat(20_000));
            assertThat(bigHeaders.status()).as("big headers %s", path).isEqualTo(431);
            assertThat(bigHeaders.contentType()).startsWith("application/problem+json");
        }
    }

    /** A URI of up to 8 KiB and header lines of up to 8 KiB in all are served; a byte more is refused. */
    @Test
    default void headsUpToTheirLimits_areServed_andBeyondThemRefused() {
        String base = "/health?q=";
        RawHttp.Answer uriAtLimit = RawHttp.get(http().port(), base + "a".repeat(8192 - base.length()));
        assertThat(uriAtLimit.status()).isEqualTo(200);
        RawHttp.Answer uriOver = RawHttp.get(http().port(), base + "a".repeat(8193 - base.length()));
        assertThat(uriOver.status()).isEqualTo(414);
        assertThat(uriOver.body()).contains("longer than 8192 bytes");
        // Host and Connection take 36 bytes of the 8 KiB (name, ": ", value and CRLF each)
        RawHttp.Answer headersAtLimit = RawHttp.get(http().port(), "/health", "X-Big: " + "b".repeat(8192 - 36 - 9));
        assertThat(headersAtLimit.status()).isEqualTo(200);
        RawHttp.Answer headersOver = RawHttp.get(http().port(), "/health", "X-Big: " + "b".repeat(8193 - 36 - 9));
        assertThat(headersOver.status()).isEqualTo(431);
        assertThat(headersOver.contentType()).startsWith("application/problem+json");
    }

    @Test
    default void everyAnswer_carriesARequestId_andKeepsASaneOne() {
        assertThat(http().get("/health").header("X-Request-Id")).isNotBlank();
        assertThat(http().get(CHAIN + "/msps/0x1").header("X-Request-Id")).isNotBlank();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }
}
