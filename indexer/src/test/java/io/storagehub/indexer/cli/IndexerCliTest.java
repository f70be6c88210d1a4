package io.storagehub.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.config.Key;
import io.storagehub.indexer.config.IndexerKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return IndexerCli.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void help_listsEveryCommand() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("run", "rebuild", "status", "dlq", "publish");
    }

    @Test
    void everyCommand_hasHelpWithItsOptions() {
        assertThat(run(Map.of(), "run", "--help")).isZero();
        assertThat(out.toString()).contains("--kafka-bootstrap", "STORAGEHUB_KAFKA_BOOTSTRAP", "--no-migrate",
                "--config", "STORAGEHUB_DB_SCHEMA");
        assertThat(run(Map.of(), "rebuild", "--help")).isZero();
        assertThat(out.toString()).contains("--from-block", "--drop-old", "retention.ms=-1", "-XX:+UseParallelGC");
        assertThat(run(Map.of(), "status", "--help")).isZero();
        assertThat(out.toString()).contains("lag");
        assertThat(out.toString()).contains("--json", "seconds", "bytes", "estimates");
        assertThat(run(Map.of(), "dlq", "--help")).isZero();
        assertThat(out.toString()).contains("list", "show", "outbox");
        assertThat(run(Map.of(), "dlq", "list", "--help")).isZero();
        assertThat(out.toString()).contains("--chain", "--reason", "UNKNOWN_ENTITY", "--since", "--until", "2h",
                "--limit", "--json", "STORAGEHUB_DLQ_TOPIC");
        assertThat(run(Map.of(), "dlq", "show", "--help")).isZero();
        assertThat(out.toString()).contains("ID", "JSON", "base64", "--json");
        assertThat(run(Map.of(), "publish", "--help")).isZero();
        assertThat(out.toString()).contains("--raw", "FILE.jsonl");
        assertThat(run(Map.of(), "help", "publish")).isZero();
    }

    @Test
    void noCommand_printsUsage_andExitsWithUsageCode() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: indexer");
    }

    @Test
    void invalidConfiguration_failsAtStartUp_namingTheKeyAndRange() {
        // when
        int code = run(Map.of("STORAGEHUB_INDEXER_MAX_BATCH", "0"), "status");
        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("configuration error", "STORAGEHUB_INDEXER_MAX_BATCH", "[1, 100000]");
    }

    @Test
    void configFileFromTheEnvironment_isRead_whenNoConfigFlagIsGiven(@TempDir Path dir) throws IOException {
        // given: a properties file with an invalid batch size, named only by STORAGEHUB_INDEXER_CONFIG
        Path file = Files.writeString(dir.resolve("indexer.properties"), "storagehub.indexer.max_batch=0\n");
        // when
        int code = run(Map.of("STORAGEHUB_INDEXER_CONFIG", file.toString()), "status");
        // then: its value was read (and refused, naming the key)
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("STORAGEHUB_INDEXER_MAX_BATCH", "[1, 100000]");
    }

    @Test
    void flagOverridesEnvironment_inValidation() {
        int code = run(Map.of("STORAGEHUB_INDEXER_HTTP_PORT", "8081"), "run", "--http-port", "70000");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("STORAGEHUB_INDEXER_HTTP_PORT", "70000");
    }

    @Test
    void help_listsEveryConfigurationKey_withItsDefault() {
        assertThat(run(Map.of(), "run", "--help")).isZero();
        for (Key key : IndexerKeys.ALL) {
            assertThat(out.toString()).contains(key.name());
        }
        assertThat(out.toString()).contains("STORAGEHUB_DB_PASSWORD_FILE", "storagehub.events", "5000")
                .doesNotContain("--db-password");
    }

    @Test
    void passwordFlag_isRefused_pointingToTheEnvironmentAndTheFileKey() {
        // when
        int code = run(Map.of(), "status", "--db-password", "hunter2");
        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--db-password is not accepted", "STORAGEHUB_DB_PASSWORD",
                "STORAGEHUB_DB_PASSWORD_FILE").doesNotContain("hunter2");
    }

    @Test
    void bothPasswordAndPasswordFile_isAConfigurationError_namingBoth() {
        int code = run(Map.of("STORAGEHUB_DB_PASSWORD", "a", "STORAGEHUB_DB_PASSWORD_FILE", "/nonexistent"), "status");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("STORAGEHUB_DB_PASSWORD and STORAGEHUB_DB_PASSWORD_FILE are both set");
    }

    @Test
    void unknownOption_isAUsageError() {
        assertThat(run(Map.of(), "run", "--no-such-flag")).isEqualTo(2);
        assertThat(err.toString()).contains("--no-such-flag");
    }
}
