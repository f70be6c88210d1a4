package io.storagehub.infra.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.api.http.Json;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.BucketId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the API's answers with what {@link InMemoryQueries} answers for the same chain, serialized with the
 * API's own JSON mapping: the MSP and BSP lists, the bucket with the most files (and its MSP, its files page
 * and its owner's files), and one file of every status.
 */
final class ApiComparison {
    private static final int ALL = PageRequest.MAX_LIMIT;
    private static final ObjectMapper JSON = Json.mapper();

    private final String chainUrl;
    private final String chain;
    private final InMemoryQueries expected;

    ApiComparison(String apiUrl, String chain, InMemoryQueries expected) {
        this.chainUrl = apiUrl + "/v1/chains/" + chain;
        this.chain = chain;
        this.expected = expected;
    }

    void assertSameAnswers() {
        var snapshot = expected.snapshot(chain);
        assertThat(snapshot.files()).as("generated files").hasSizeGreaterThan(20);

        assertItems("/msps?limit=" + ALL, expected.msps(chain, PageRequest.first(ALL)).items());
        assertItems("/bsps?limit=" + ALL, expected.bsps(chain, PageRequest.first(ALL)).items());

        BucketView bucket = snapshot.buckets().stream().filter(b -> !b.deleted() && b.mspId() != null)
                .max(Comparator.comparingLong(BucketView::fileCount)).orElseThrow();
        assertThat(bucket.fileCount()).isPositive();
        String id = bucket.bucketId().hex();
        assertSame("/buckets/" + id, expected.bucket(chain, BucketId.of(id)).orElseThrow());
        assertItems("/buckets/" + id + "/files?limit=" + ALL,
                expected.bucketFiles(chain, bucket.bucketId(), "", false, PageRequest.first(ALL)).items());
        assertSame("/msps/" + bucket.mspId().hex(), expected.msp(chain, bucket.mspId()).orElseThrow());
        assertItems("/accounts/" + bucket.owner().hex() + "/files?limit=" + ALL,
                expected.accountFiles(chain, bucket.owner(), PageRequest.first(ALL)).items());

        Map<String, FileView> oneFilePerStatus = new LinkedHashMap<>();
        snapshot.files().forEach(f -> oneFilePerStatus.putIfAbsent(f.status(), f));
        assertThat(oneFilePerStatus).containsKeys("requested", "stored");
        oneFilePerStatus.values().forEach(f ->
                assertSame("/files/" + f.fileKey().hex(), expected.file(chain, f.fileKey()).orElseThrow()));
    }

    private void assertSame(String path, Object expectedAnswer) {
        assertThat(JsonDiff.differences(asJson(expectedAnswer), Http.json(chainUrl + path)))
                .as("GET " + path).isEmpty();
    }

    /** The answer as the API would write it, read back the way the API's answers are read. */
    private static JsonNode asJson(Object answer) {
        try {
            return JSON.readTree(JSON.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertItems(String path, List<?> expectedItems) {
        JsonNode body = Http.json(chainUrl + path);
        assertThat(JsonDiff.differences(asJson(expectedItems), body.path("items"))).as("GET " + path).isEmpty();
        assertThat(body.path("items").size()).as("GET " + path).isLessThan(ALL);
        assertThat(body.path("nextCursor").isNull()).as("GET " + path + " is one page").isTrue();
    }
}
