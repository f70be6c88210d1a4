package io.storagehub.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiConfigTest {
    private static final String SECRET = "s".repeat(ApiConfig.MIN_SECRET_CHARS);

    private static Map<String, String> required() {
        Map<String, String> env = new HashMap<>();
        env.put("STORAGEHUB_DB_URL", "jdbc:postgresql://db:5432/storagehub");
        env.put("STORAGEHUB_DB_USER", "storagehub_api");
        env.put("STORAGEHUB_API_CURSOR_SECRET", SECRET);
        return env;
    }

    @Test
    void load_appliesDefaults() {
        ApiConfig config = ApiConfig.load(required(), Optional.empty());

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dbSchema()).isEqualTo("storagehub");
        assertThat(config.dbPoolSize()).isEqualTo(10);
        assertThat(config.httpMaxThreads()).isEqualTo(16);
        assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.waitPoll()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.indexedMaxAge()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.allowWriteRole()).isFalse();
    }

    @Test
    void workerThreads_followThePoolSize_unlessSet() {
        Map<String, String> env = required();
        env.put("STORAGEHUB_API_DB_POOL_SIZE", "40");
        assertThat(ApiConfig.load(env, Optional.empty()).httpMaxThreads()).isEqualTo(46);

        env.put("STORAGEHUB_API_DB_POOL_SIZE", "1");
        assertThat(ApiConfig.load(env, Optional.empty()).httpMaxThreads()).isEqualTo(8);

        env.put("STORAGEHUB_API_MAX_THREADS", "200");
        assertThat(ApiConfig.load(env, Optional.empty()).httpMaxThreads()).isEqualTo(200);
    }

    @Test
    void load_readsTheEventStreamLimits_andNamesBadOnes() {
        assertThat(ApiConfig.load(required(), Optional.empty()).streams())
                .isEqualTo(new io.storagehub.api.changes.StreamSettings(1000, 1000, Duration.ofSeconds(15)));
        Map<String, String> env = required();
        env.put("STORAGEHUB_API_STREAM_MAX_SUBSCRIBERS", "5");
        env.put("STORAGEHUB_API_STREAM_MAX_QUEUED", "64");
        env.put("STORAGEHUB_API_STREAM_KEEPALIVE_MS", "2000");
        assertThat(ApiConfig.load(env, Optional.empty()).streams())
                .isEqualTo(new io.storagehub.api.changes.StreamSettings(5, 64, Duration.ofSeconds(2)));

        env.put("STORAGEHUB_API_STREAM_MAX_SUBSCRIBERS", "0");
        env.put("STORAGEHUB_API_STREAM_MAX_QUEUED", "100001");
        env.put("STORAGEHUB_API_STREAM_KEEPALIVE_MS", "20000");
        assertThatThrownBy(() -> ApiConfig.load(env, Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORAGEHUB_API_STREAM_MAX_SUBSCRIBERS = '0' is invalid: "
                        + "expected an integer in [1, 100000]")
                .hasMessageContaining("STORAGEHUB_API_STREAM_MAX_QUEUED = '100001' is invalid")
                .hasMessageContaining("STORAGEHUB_API_STREAM_KEEPALIVE_MS = '20000' is invalid: "
                        + "expected milliseconds in [100, 15000]");
        env.put("STORAGEHUB_API_STREAM_KEEPALIVE_MS", "soon");
        assertThatThrownBy(() -> ApiConfig.load(env, Optional.empty()))
                .hasMessageContaining("STORAGEHUB_API_STREAM_KEEPALIVE_MS = 'soon' is invalid");
    }

    @Test
    void load_readsTheWriteRoleAllowance_andRejectsAnythingButTrueOrFalse_issue12() {
        Map<String, String> env = required();
        env.put("STORAGEHUB_API_ALLOW_WRITE_ROLE", "true");
        assertThat(ApiConfig.load(env, Optional.empty()).allowWriteRole()).isTrue();

        env.put("STORAGEHUB_API_ALLOW_WRITE_ROLE", "yes");
        assertThatThrownBy(() -> ApiConfig.load(env, Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORAGEHUB_API_ALLOW_WRITE_ROLE = 'yes' is invalid");
    }

    @Test
    void load_readsThePropertiesFile_andTheEnvironmentWins(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("api.properties");
        Files.writeString(file, "STORAGEHUB_API_PORT=9000\nSTORAGEHUB_DB_SCHEMA=from_file\n");
        Map<String, String> env = required();
        env.put("STORAGEHUB_DB_SCHEMA", "from_env");

        ApiConfig config = ApiConfig.load(env, Optional.of(file));

        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.dbSchema()).isEqualTo("from_env");
    }

    @Test
    void load_failsNamingEveryMissingRequiredKey() {
        assertThatThrownBy(() -> ApiConfig.load(Map.of(), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORAGEHUB_DB_URL is missing")
                .hasMessageContaining("STORAGEHUB_DB_USER is missing")
                .hasMessageContaining("STORAGEHUB_API_CURSOR_SECRET is missing");
    }

    @Test
    void load_failsNamingTheKeyAndRange_ofBadValues() {
        Map<String, String> env = required();
        env.put("STORAGEHUB_API_PORT", "70000");
        env.put("STORAGEHUB_API_DB_POOL_SIZE", "many");
        env.put("STORAGEHUB_API_MAX_WAIT_MS", "20000");
        env.put("STORAGEHUB_API_INDEXED_MAX_AGE_MS", "-1");
        env.put("STORAGEHUB_API_CURSOR_SECRET", "short");
        env.put("STORAGEHUB_DB_SCHEMA", "Robert'); DROP TABLE");
        env.put("STORAGEHUB_DB_URL", "jdbc:mysql://x");

        assertThatThrownBy(() -> ApiConfig.load(env, Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORAGEHUB_API_DB_POOL_SIZE = 'many' is invalid: expected an integer");
        env.put("STORAGEHUB_API_DB_POOL_SIZE", "0");
        assertThatThrownBy(() -> ApiConfig.load(env, Optional.empty()))
                .hasMessageContaining("STORAGEHUB_API_PORT = '70000' is invalid: expected an integer in [0, 65535]")
                .hasMessageContaining("STORAGEHUB_API_DB_POOL_SIZE = '0' is invalid: expected an integer in [1, 100]")
                .hasMessageContaining("STORAGEHUB_API_MAX_WAIT_MS = '20000' is invalid: "
                        + "expected milliseconds in [0, 10000]")
                .hasMessageContaining("STORAGEHUB_API_INDEXED_MAX_AGE_MS = '-1' is invalid: "
                        + "expected milliseconds in [0, 60000]")
                .hasMessageContaining("STORAGEHUB_API_CURSOR_SECRET = (secret, not shown) is invalid: "
                        + "expected at least 32 characters")
                .hasMessageContaining("STORAGEHUB_DB_SCHEMA = 'Robert'); DROP TABLE' is invalid: "
                        + "expected a lowercase identifier")
                .hasMessageContaining("STORAGEHUB_DB_URL = 'jdbc:mysql://x' is invalid: "
                        + "expected a Postgres JDBC URL")
                .hasMessageNotContaining("short");
    }

    @Test
    void load_failsOnAnUnreadableFile(@TempDir Path dir) {
        assertThatThrownBy(() -> ApiConfig.load(required(), Optional.of(dir.resolve("missing.properties"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing.properties");
    }

    @Test
    void secretsMayComeFromFiles_andBothSetIsAnErrorNamingBoth(@TempDir Path dir) throws IOException {
        // given
        Path secret = Files.writeString(dir.resolve("cursor-secret"), "f".repeat(40) + "\n");
        Path password = Files.writeString(dir.resolve("db-password"), "from-file\n");
        Map<String, String> env = required();
        env.remove("STORAGEHUB_API_CURSOR_SECRET");
        env.put("STORAGEHUB_API_CURSOR_SECRET_FILE", secret.toString());
        env.put("STORAGEHUB_DB_PASSWORD_FILE", password.toString());
        // when
        ApiConfig config = ApiConfig.load(env, Optional.empty());
        // then
        assertThat(config.cursorSecret()).isEqualTo("f".repeat(40));
        assertThat(config.dbPassword()).isEqualTo("from-file");
        env.put("STORAGEHUB_API_CURSOR_SECRET", SECRET);
        assertThatThrownBy(() -> ApiConfig.load(env, Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORAGEHUB_API_CURSOR_SECRET and STORAGEHUB_API_CURSOR_SECRET_FILE "
                        + "are both set")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aPasswordInTheUrl_isMaskedInErrorsAndInToString() {
        Map<String, String> env = required();
        env.put("STORAGEHUB_DB_URL", "jdbc:postgresql://db/x?password=url-password");

        assertThat(ApiConfig.load(env, Optional.empty()).toString()).doesNotContain("url-password")
                .contains("password=***");
        env.put("STORAGEHUB_API_PORT", "-1");
        assertThatThrownBy(() -> ApiConfig.load(env, Optional.empty())).hasMessageNotContaining("url-password");
        env.put("STORAGEHUB_DB_URL", "jdbc:mysql://db/x?password=url-password");
        assertThatThrownBy(() -> ApiConfig.load(env, Optional.empty())).hasMessageNotContaining("url-password")
                .hasMessageContaining("STORAGEHUB_DB_URL = 'jdbc:mysql://db/x?password=***'");
    }

    @Test
    void toString_hidesThePasswordAndTheSecret() {
        Map<String, String> env = required();
        env.put("STORAGEHUB_DB_PASSWORD", "hunter2-password");

        String text = ApiConfig.load(env, Optional.empty()).toString();

        assertThat(text).doesNotContain("hunter2-password").doesNotContain(SECRET).contains("storagehub_api");
    }
}
