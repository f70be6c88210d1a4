package io.storagehub.api.contract;

import static io.storagehub.testkit.chain.ChainScript.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.TestChain;
import io.storagehub.schema.readmodel.FolderListing;
import io.storagehub.schema.readmodel.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The folder tree of a bucket: direct sub-folders with counts, and the folder's files page by page. */
public interface TreeContract extends ApiUnderTest {

    @Test
    default void tree_ofTheRoot_listsFoldersWithCounts_andRootFiles() {
        Http.Answer answer = http().get(treePath(""));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        FolderListing expected = expected().tree(TestChain.NAME, bucket(TestChain.BIG_BUCKET), "",
                PageRequest.first(PageRequest.DEFAULT_LIMIT));
        JsonNode body = answer.json();
        assertThat(body.get("path").asText()).isEmpty();
        assertThat(body.get("folders")).isEqualTo(json(expected.folders()));
        assertThat(body.get("files")).isEqualTo(json(expected.files()));
        List<String> names = new ArrayList<>();
        body.get("folders").forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("docs", "emoji", "img", "notes", "ünï código");
        assertThat(body.get("folders").get(0).get("fileCount").isIntegralNumber()).isTrue();
    }

    @Test
    default void tree_ofNestedAndNonAsciiFolders() {
        for (String path : List.of("docs/", "docs/b/", "docs/b/deep/er/", TestChain.UNICODE_FOLDER, "emoji/")) {
            Http.Answer answer = http().get(treePath(path));

            FolderListing expected = expected().tree(TestChain.NAME, bucket(TestChain.BIG_BUCKET), path,
                    PageRequest.first(PageRequest.DEFAULT_LIMIT));
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.json().get("path").asText()).isEqualTo(path);
            assertThat(answer.json().get("folders")).as(path).isEqualTo(json(expected.folders()));
            assertThat(answer.json().get("files")).as(path).isEqualTo(json(expected.files()));
        }
    }

    @Test
    default void tree_pages_walkEveryFileOnce_andListFoldersOnTheFirstPageOnly() {
        String path = TestChain.UNICODE_FOLDER;
        FolderListing all = expected().tree(TestChain.NAME, bucket(TestChain.BIG_BUCKET), path,
                PageRequest.first(PageRequest.MAX_LIMIT));

        List<JsonNode> files = walk(treePath(path), 4);

        List<JsonNode> expectedFiles = new ArrayList<>();
        json(all.files()).forEach(expectedFiles::add);
        assertThat(files).isEqualTo(expectedFiles).hasSize(25);
        String second = http().get(treePath(path) + "&limit=4").json().get("nextCursor").asText();
        JsonNode secondPage = http().get(treePath(path) + "&limit=4&cursor=" + second).json();
        assertThat(secondPage.get("folders")).isEmpty();
        assertThat(secondPage.get("files")).hasSize(4);
    }

    @Test
    default void tree_ofAnEmptyBucket_isEmpty() {
        Http.Answer answer = http().get(CHAIN + "/buckets/" + bucket(TestChain.EMPTY_BUCKET) + "/tree");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("folders")).isEmpty();
        assertThat(answer.json().get("files")).isEmpty();
        assertThat(answer.json().get("nextCursor").isNull()).isTrue();
    }

    private static String treePath(String path) {
        return CHAIN + "/buckets/" + bucket(TestChain.BIG_BUCKET) + "/tree?path=" + Http.encode(path);
    }
}
