package io.storagehub.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.api.http.ApiServer;
import io.storagehub.api.support.Http;
import org.junit.jupiter.api.Test;

/** Health, readiness, metrics, the OpenAPI document, and request ids. */
public interface OpsContract extends ApiUnderTest {

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
            assertThat(path.get(route.method().toLowerCase(java.util.Locale.ROOT)))
                    .as("OpenAPI lacks %s %s", route.method(), route.path()).isNotNull();
        }
        assertThat(doc.get("paths").size()).as("OpenAPI documents routes the server lacks")
                .isEqualTo(routes().size());
    }

    @Test
    default void everyAnswer_carriesARequestId_andKeepsASaneOne() {
        assertThat(http().get("/health").header("X-Request-Id")).isNotBlank();
        assertThat(http().get(CHAIN + "/msps/0x1").header("X-Request-Id")).isNotBlank();
    }
}
