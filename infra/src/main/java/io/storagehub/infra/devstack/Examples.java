package io.storagehub.infra.devstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The example {@code curl} commands printed once the first MSP, bucket and file are indexed. */
final class Examples {
    private Examples() {
    }

    static List<String> commands(String apiBase, ExampleIds ids) {
        String chain = apiBase + "/v1/chains/" + ids.chain();
        String folder = folderOf(ids.location());
        return List.of(
                "curl -s " + apiBase + "/v1/chains",
                "curl -s '" + chain + "/msps?limit=5'",
                "curl -s " + chain + "/msps/" + ids.mspId(),
                "curl -s '" + chain + "/msps/" + ids.mspId() + "/buckets?limit=5'",
                "curl -s " + chain + "/buckets/" + ids.bucketId(),
                "curl -s '" + chain + "/buckets/" + ids.bucketId() + "/files?limit=5'",
                "curl -s '" + chain + "/buckets/" + ids.bucketId() + "/tree?path="
                        + URLEncoder.encode(folder, StandardCharsets.UTF_8) + "'",
                "curl -s " + chain + "/files/" + ids.fileKey(),
                "curl -s '" + chain + "/accounts/" + ids.owner() + "/files?limit=5'",
                "curl -s " + apiBase + "/openapi.json");
    }

    /** The folder holding {@code location} ("" for the bucket's root, else ending in '/'). */
    static String folderOf(String location) {
        int slash = location.lastIndexOf('/');
        return slash < 0 ? "" : location.substring(0, slash + 1);
    }
}
