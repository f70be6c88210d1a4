package io.storagehub.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgBenchScriptTest {

    @Test
    void script_runsTheApisDataStatementFromTheProjectionResources_withParametersFromTheTable() {
        // when
        String script = PgBench.script("lookup", "file", 500);

        // then
        assertThat(script).startsWith("\\set i random(1, 500)\n");
        // the API serves X-Indexed-Block from its cache: no chain.sql per request, so none per transaction
        assertThat(script).doesNotContain("chain_position");
        assertThat(script).contains("FROM file_view")
                .contains("file_key = (SELECT file_key FROM bench_ids.params WHERE scenario = 'lookup' AND i = :i);");
        assertThat(script).doesNotContain(":fileKey").doesNotContain("--");
    }

    @Test
    void script_ofTheBucketListing_bindsEveryKeysetParameter_butKeepsChainAndLimitAsVariables() {
        // when
        String script = PgBench.script("deep", "bucketFiles", 100);

        // then
        assertThat(script).doesNotContain(":bucketId", ":lowerLocation", ":lowerFileKey", ":upperBound", ":prefix");
        assertThat(script).contains("(SELECT lower_file_key FROM bench_ids.params WHERE scenario = 'deep' AND i = :i)")
                .contains("LIMIT :limit;").contains("chain = :chain");
    }
}
