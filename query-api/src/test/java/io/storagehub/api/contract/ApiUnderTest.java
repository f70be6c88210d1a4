package io.storagehub.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.storagehub.api.http.ApiServer;
import io.storagehub.api.http.Json;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.TestChain;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.event.Envelope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the API contract tests need from a test class: the running API, the {@link StorageQueries} holding the
 * same read model (the expected answers), and a way to index more events while the API runs.
 */
public interface ApiUnderTest {
    ObjectMapper EXPECTED_JSON = Json.mapper();
    String CHAIN = "/v1/chains/" + TestChain.NAME;

    Http http();

    /** The routes the running server registered. */
    List<ApiServer.Route> routes();

    StorageQueries expected();

    /** Indexes more events (and notifies waiting requests as the production writer does). */
    void index(List<Envelope> events);

    /** The expected value as the API writes it, read back like an answer (so number node types match). */
    default JsonNode json(Object expectedValue) {
        try {
            return EXPECTED_JSON.readTree(EXPECTED_JSON.writeValueAsString(expectedValue));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    default long indexedBlock() {
        return expected().chain(TestChain.NAME).orElseThrow().lastIndexedBlock();
    }

    /** GETs {@code path} page by page with {@code limit}; every page is 200 and no item is repeated. */
    default List<JsonNode> walk(String path, int limit) {
        List<JsonNode> items = new ArrayList<>();
        Set<JsonNode> seen = new HashSet<>();
        String cursor = null;
        String separator = path.contains("?") ? "&" : "?";
        for (int pages = 0; pages < 10_000; pages++) {
            String url = path + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            Http.Answer answer = http().get(url);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            JsonNode body = answer.json();
            JsonNode page = body.has("items") ? body.get("items") : body.get("files");
            assertThat(page.size()).isLessThanOrEqualTo(limit);
            for (JsonNode item : page) {
                assertThat(seen.add(item)).as("item repeated across pages: %s", item).isTrue();
                items.add(item);
            }
            if (body.get("nextCursor").isNull()) {
                return items;
            }
            cursor = body.get("nextCursor").asText();
        }
        throw new AssertionError("pagination did not end");
    }

    default ArrayNode array(List<?> values) {
        return (ArrayNode) json(values);
    }
}
