package io.storagehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void url_masksPasswordParameters() {
        assertThat(Redaction.url("jdbc:postgresql://db:5432/x?user=u&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/x?user=u&password=***&ssl=true");
        assertThat(Redaction.url("jdbc:postgresql://db/x?PASSWORD=hunter2"))
                .isEqualTo("jdbc:postgresql://db/x?PASSWORD=***");
        assertThat(Redaction.url("jdbc:postgresql://db/x?sslmode=verify-full&sslpassword=key-pass"))
                .isEqualTo("jdbc:postgresql://db/x?sslmode=verify-full&sslpassword=***");
    }

    @Test
    void url_masksThePasswordOfUserInfo() {
        assertThat(Redaction.url("jdbc:postgresql://indexer:hunter2@db:5432/x"))
                .isEqualTo("jdbc:postgresql://indexer:***@db:5432/x");
        assertThat(Redaction.url("postgres://u:p%40ss@db/x?password=a"))
                .isEqualTo("postgres://u:***@db/x?password=***");
        assertThat(Redaction.url("jdbc:postgresql://u:p@ss@db/x")).isEqualTo("jdbc:postgresql://u:***@db/x");
    }

    @Test
    void url_leavesUrlsWithoutPasswordsAlone() {
        for (String url : new String[] {"jdbc:postgresql://db:5432/x", "jdbc:postgresql://h1:5432,h2:5432/x?a=b",
                "jdbc:postgresql://user@db/x", "jdbc:postgresql://db/x?q=a@b", ""}) {
            assertThat(Redaction.url(url)).isEqualTo(url);
        }
        assertThat(Redaction.url(null)).isNull();
    }

    @Test
    void secrets_areKeysEndingInPasswordSecretTokenOrJaasConfig() {
        assertThat(Redaction.isSecret("STORAGEHUB_DB_PASSWORD")).isTrue();
        assertThat(Redaction.isSecret("STORAGEHUB_API_CURSOR_SECRET")).isTrue();
        assertThat(Redaction.isSecret("STORAGEHUB_KAFKA_SSL_KEYSTORE_PASSWORD")).isTrue();
        assertThat(Redaction.isSecret("STORAGEHUB_KAFKA_SASL_JAAS_CONFIG")).isTrue();
        assertThat(Redaction.isSecret("STORAGEHUB_DB_USER")).isFalse();
        assertThat(Redaction.isSecret("STORAGEHUB_DB_PASSWORD_FILE")).isFalse();
    }

    @Test
    void errors_neverShowASecret_andMaskUrls() {
        assertThat(ConfigException.invalid("STORAGEHUB_API_CURSOR_SECRET", "short", "at least 32 characters"))
                .hasMessage("STORAGEHUB_API_CURSOR_SECRET = (secret, not shown) is invalid: "
                        + "expected at least 32 characters");
        assertThat(ConfigException.invalid("STORAGEHUB_DB_URL", "jdbc:mysql://u:hunter2@db/x", "a Postgres URL"))
                .hasMessage("STORAGEHUB_DB_URL = 'jdbc:mysql://u:***@db/x' is invalid: expected a Postgres URL");
    }
}
