package io.storagehub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void validValues_passThrough() {
        assertThat(Check.notBlank("STORAGEHUB_A", " x ")).isEqualTo("x");
        assertThat(Check.topic("STORAGEHUB_TOPIC", "storagehub.events")).isEqualTo("storagehub.events");
        assertThat(Check.identifier("STORAGEHUB_DB_SCHEMA", "read_model1", 40)).isEqualTo("read_model1");
        assertThat(Check.postgresUrl("STORAGEHUB_DB_URL", "jdbc:postgresql://db/x"))
                .isEqualTo("jdbc:postgresql://db/x");
        assertThat(Check.range("STORAGEHUB_PORT", 0, 0, 65_535)).isZero();
        assertThat(Check.range("STORAGEHUB_MS", Duration.ofMillis(100), 100, 200)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void invalidValues_nameTheKeyTheValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> Check.notBlank("STORAGEHUB_A", ""))
                .hasMessage("STORAGEHUB_A = '' is invalid: expected a non-empty value");
        assertThatThrownBy(() -> Check.topic("STORAGEHUB_TOPIC", "a b"))
                .hasMessageContaining("STORAGEHUB_TOPIC = 'a b' is invalid: expected a Kafka topic name");
        assertThatThrownBy(() -> Check.identifier("STORAGEHUB_DB_SCHEMA", "x".repeat(41), 40))
                .hasMessageContaining("STORAGEHUB_DB_SCHEMA").hasMessageContaining("1..40 chars");
        assertThatThrownBy(() -> Check.identifier("STORAGEHUB_DB_SCHEMA", "Bad-Name", 63))
                .hasMessageContaining("'Bad-Name'");
        assertThatThrownBy(() -> Check.postgresUrl("STORAGEHUB_DB_URL", "jdbc:mysql://x"))
                .hasMessageContaining("expected a Postgres JDBC URL starting with jdbc:postgresql:");
        assertThatThrownBy(() -> Check.range("STORAGEHUB_PORT", 70_000, 0, 65_535))
                .hasMessage("STORAGEHUB_PORT = '70000' is invalid: expected an integer in [0, 65535]");
        assertThatThrownBy(() -> Check.range("STORAGEHUB_MS", Duration.ofMillis(-1), 0, 10))
                .hasMessage("STORAGEHUB_MS = '-1' is invalid: expected milliseconds in [0, 10]");
        assertThatThrownBy(() -> Check.minLength("STORAGEHUB_API_CURSOR_SECRET", "short", 32))
                .hasMessageNotContaining("short").hasMessageContaining("at least 32 characters");
    }

    @Test
    void collectedErrors_areReportedTogether_inOrder() {
        // given
        ConfigErrors errors = new ConfigErrors();
        // when
        int port = errors.read(() -> Check.range("STORAGEHUB_PORT", -1, 0, 65_535), 0);
        errors.check(() -> Check.notBlank("STORAGEHUB_HOST", " "));
        errors.check(() -> Check.notBlank("STORAGEHUB_OK", "fine"));
        // then
        assertThat(port).isZero();
        assertThatThrownBy(errors::throwIfAny)
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("STORAGEHUB_PORT = '-1' is invalid")
                .hasMessageContaining("; STORAGEHUB_HOST = ' ' is invalid");
        new ConfigErrors().throwIfAny();
    }

    @Test
    void keyTable_listsEveryKeyWithItsDefault_andTheFileVariantOfSecrets() {
        String table = Key.table(List.of(new Key("STORAGEHUB_DB_URL", null, "JDBC URL"),
                new Key("STORAGEHUB_DB_PASSWORD", "", "password"), new Key("STORAGEHUB_API_PORT", "8080", "port")));

        assertThat(table).contains("STORAGEHUB_DB_URL", "(required)", "STORAGEHUB_API_PORT", "8080",
                "STORAGEHUB_DB_PASSWORD", "(empty)", "STORAGEHUB_DB_PASSWORD_FILE", "<KEY>_FILE");
        assertThat(table.lines().filter(l -> l.contains("_FILE]")).count()).isEqualTo(1);
        assertThatThrownBy(() -> new Key("DB_URL", null, "x")).hasMessageContaining("STORAGEHUB_");
    }
}
