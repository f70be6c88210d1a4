package io.storagehub.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.waitPoll()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.indexedMaxAge()).isEqualTo(Duration.ofSeconds(1));
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
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("STORAGEHUB_DB_URL is required")
                .hasMessageContaining("STORAGEHUB_DB_USER is required")
                .hasMessageContaining("STORAGEHUB_API_CURSOR_SECRET is required");
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
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("STORAGEHUB_API_DB_POOL_SIZE must be an integer, got 'many'");
        env.put("STORAGEHUB_API_DB_POOL_SIZE", "0");
        assertThatThrownBy(() -> ApiConfig.load(env, Optional.empty()))
                .hasMessageContaining("STORAGEHUB_API_PORT must be in 0..65535")
                .hasMessageContaining("STORAGEHUB_API_DB_POOL_SIZE must be in 1..100")
                .hasMessageContaining("STORAGEHUB_API_MAX_WAIT_MS must be in 0..10000 ms")
                .hasMessageContaining("STORAGEHUB_API_INDEXED_MAX_AGE_MS must be in 0..60000 ms")
                .hasMessageContaining("STORAGEHUB_API_CURSOR_SECRET must have at least 32 characters")
                .hasMessageContaining("STORAGEHUB_DB_SCHEMA must be a lowercase SQL identifier")
                .hasMessageContaining("STORAGEHUB_DB_URL must be a jdbc:postgresql: URL");
    }

    @Test
    void load_failsOnAnUnreadableFile(@TempDir Path dir) {
        assertThatThrownBy(() -> ApiConfig.load(required(), Optional.of(dir.resolve("missing.properties"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("missing.properties");
    }

    @Test
    void toString_hidesThePasswordAndTheSecret() {
        Map<String, String> env = required();
        env.put("STORAGEHUB_DB_PASSWORD", "hunter2-password");

        String text = ApiConfig.load(env, Optional.empty()).toString();

        assertThat(text).doesNotContain("hunter2-password").doesNotContain(SECRET).contains("storagehub_api");
    }
}
