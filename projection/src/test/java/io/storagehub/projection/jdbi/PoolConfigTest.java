package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolConfigTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/storagehub";

    @Test
    void accepts_aValidConfiguration_andHidesThePassword() {
        PoolConfig config = new PoolConfig(URL, "indexer", "secret", "storagehub", 8, Duration.ofSeconds(30), "indexer",
                false);

        assertThat(config.toString()).doesNotContain("secret").contains("storagehub");
    }

    @Test
    void masksAPasswordInTheUrl_inToStringAndInErrors() {
        PoolConfig config = new PoolConfig(URL + "?password=url-secret", "u", null, "s", 1, Duration.ZERO, "pool",
                false);

        assertThat(config.toString()).doesNotContain("url-secret").contains("password=***");
        assertThatThrownBy(() -> new PoolConfig("jdbc:mysql://u:url-secret@db/x", "u", "p", "s", 1, Duration.ZERO,
                "pool", false)).hasMessageNotContaining("url-secret").hasMessageContaining("u:***@db/x");
    }

    @Test
    void rejects_aPoolSizeOutOfRange_namingTheKey() {
        assertThatThrownBy(() -> new PoolConfig(URL, "u", "p", "s", 0, Duration.ZERO, "pool", false))
                .hasMessage("db.pool.max: must be 1..200, got 0");
        assertThatThrownBy(() -> new PoolConfig(URL, "u", "p", "s", 201, Duration.ZERO, "pool", false))
                .hasMessage("db.pool.max: must be 1..200, got 201");
    }

    @Test
    void rejects_schemaNamesThatAreNotPlainIdentifiers() {
        for (String schema : new String[] {"Public", "1abc", "a-b", "a\"; DROP TABLE x; --", "", "a".repeat(64)}) {
            assertThatThrownBy(() -> new PoolConfig(URL, "u", "p", schema, 1, Duration.ZERO, "pool", false))
                    .hasMessageStartingWith("db.schema:");
        }
        assertThat(new PoolConfig(URL, "u", "p", "_a" + "b".repeat(61), 1, Duration.ZERO, "pool", false).schema())
                .hasSize(63);
    }

    @Test
    void rejects_otherBadValues_namingTheirKeys() {
        assertThatThrownBy(() -> new PoolConfig("jdbc:mysql://x", "u", "p", "s", 1, Duration.ZERO, "pool", false))
                .hasMessageStartingWith("db.url:");
        assertThatThrownBy(() -> new PoolConfig(URL, " ", "p", "s", 1, Duration.ZERO, "pool", false))
                .hasMessageStartingWith("db.user:");
        assertThatThrownBy(() -> new PoolConfig(URL, "u", "p", "s", 1, Duration.ofMillis(-1), "pool", false))
                .hasMessageStartingWith("db.statement-timeout:");
        assertThatThrownBy(() -> new PoolConfig(URL, "u", "p", "s", 1, Duration.ZERO, "", false))
                .hasMessageStartingWith("db.pool.name:");
    }
}
