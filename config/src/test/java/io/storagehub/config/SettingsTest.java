package io.storagehub.config;

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

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void flagsOverrideTheEnvironment_whichOverridesTheFile() throws IOException {
        // given
        Path file = write("service.properties", "storagehub.topic=file\nSTORAGEHUB_DB_SCHEMA=file\n"
                + "storagehub.indexer-group=file\n");
        Map<String, String> env = Map.of("STORAGEHUB_TOPIC", "env", "STORAGEHUB_DB_SCHEMA", "env", "PATH", "/bin");
        // when
        Settings settings = Settings.load(Optional.of(file), env, Map.of("STORAGEHUB_DB_SCHEMA", "flag"));
        // then
        assertThat(settings.find("STORAGEHUB_INDEXER_GROUP")).contains("file");
        assertThat(settings.find("STORAGEHUB_TOPIC")).contains("env");
        assertThat(settings.find("STORAGEHUB_DB_SCHEMA")).contains("flag");
        assertThat(settings.find("PATH")).isEmpty();
    }

    @Test
    void secretFile_suppliesTheSecret_withoutItsTrailingLineBreak() throws IOException {
        // given
        Path password = write("db-password", "s3cret value\r\n");
        // when
        Settings settings = Settings.load(Optional.empty(),
                Map.of("STORAGEHUB_DB_PASSWORD_FILE", password.toString()), Map.of());
        // then
        assertThat(settings.find("STORAGEHUB_DB_PASSWORD")).contains("s3cret value");
        assertThat(settings.find("STORAGEHUB_DB_PASSWORD_FILE")).isEmpty();
    }

    @Test
    void anyKeyEndingInPasswordOrSecret_hasAFileVariant_inEverySource() throws IOException {
        // given
        Path sasl = write("sasl", "kafka-pass\n");
        Path cursor = write("cursor", "c".repeat(40));
        Path props = write("api.properties", "storagehub.api.cursor.secret.file=" + cursor + "\n");
        // when
        Settings settings = Settings.load(Optional.of(props), Map.of(),
                Map.of("STORAGEHUB_KAFKA_SASL_PASSWORD_FILE", sasl.toString()));
        // then
        assertThat(settings.find("STORAGEHUB_KAFKA_SASL_PASSWORD")).contains("kafka-pass");
        assertThat(settings.find("STORAGEHUB_API_CURSOR_SECRET")).contains("c".repeat(40));
    }

    @Test
    void fileVariantOfAKeyThatIsNoSecret_isAnOrdinaryKey() {
        Settings settings = Settings.of(Map.of("STORAGEHUB_KAFKA_PROPERTIES_FILE", "/etc/kafka.properties"));

        assertThat(settings.find("STORAGEHUB_KAFKA_PROPERTIES_FILE")).contains("/etc/kafka.properties");
        assertThat(settings.find("STORAGEHUB_KAFKA_PROPERTIES")).isEmpty();
    }

    @Test
    void secretAndItsFile_bothSetInOneSource_isAnErrorNamingBoth() throws IOException {
        Path password = write("db-password", "from-file");
        Map<String, String> env = Map.of("STORAGEHUB_DB_PASSWORD", "from-env",
                "STORAGEHUB_DB_PASSWORD_FILE", password.toString());

        assertThatThrownBy(() -> Settings.load(Optional.empty(), env, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORAGEHUB_DB_PASSWORD and STORAGEHUB_DB_PASSWORD_FILE are both set")
                .hasMessageNotContaining("from-env");
    }

    @Test
    void aHigherSource_overridesTheSecretOfALowerOne_evenAsAFile() throws IOException {
        // given: the properties file has the password, the environment names a file
        Path props = write("db.properties", "STORAGEHUB_DB_PASSWORD=from-properties\n");
        Path password = write("db-password", "from-secret-file\n");
        // when
        Settings settings = Settings.load(Optional.of(props),
                Map.of("STORAGEHUB_DB_PASSWORD_FILE", password.toString()), Map.of());
        // then
        assertThat(settings.find("STORAGEHUB_DB_PASSWORD")).contains("from-secret-file");
    }

    @Test
    void unreadableSecretFile_isAnErrorNamingTheKeyAndThePath() {
        Path missing = dir.resolve("no-such-secret");

        assertThatThrownBy(() -> Settings.of(Map.of("STORAGEHUB_API_CURSOR_SECRET_FILE", missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORAGEHUB_API_CURSOR_SECRET_FILE = '" + missing + "' is invalid")
                .hasMessageContaining("a readable file");
    }

    @Test
    void unknownKeyInTheFile_andAnUnreadableFile_areErrors() throws IOException {
        Path bad = write("bad.properties", "topic=x\n");

        assertThatThrownBy(() -> Settings.load(Optional.of(bad), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'topic'");
        assertThatThrownBy(() -> Settings.load(Optional.of(dir.resolve("none.properties")), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("none.properties");
    }

    @Test
    void typedGetters_returnTheFallback_whenUnsetOrBlank() {
        Settings settings = Settings.of(Map.of("STORAGEHUB_A", " "));

        assertThat(settings.string("STORAGEHUB_A", "d")).isEqualTo("d");
        assertThat(settings.integer("STORAGEHUB_A", 7, 1, 10)).isEqualTo(7);
        assertThat(settings.millis("STORAGEHUB_A", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.bool("STORAGEHUB_A", true)).isTrue();
    }

    @Test
    void typedGetters_nameTheKeyTheValueAndTheAcceptedRange() {
        Map<String, String> values = new HashMap<>();
        values.put("STORAGEHUB_N", "0");
        values.put("STORAGEHUB_WORD", "many");
        values.put("STORAGEHUB_MS", "70000");
        values.put("STORAGEHUB_FLAG", "yes");
        Settings settings = Settings.of(values);

        assertThatThrownBy(() -> settings.integer("STORAGEHUB_N", 5, 1, 100))
                .hasMessage("STORAGEHUB_N = '0' is invalid: expected an integer in [1, 100]");
        assertThatThrownBy(() -> settings.integer("STORAGEHUB_WORD", 5))
                .hasMessage("STORAGEHUB_WORD = 'many' is invalid: expected an integer");
        assertThatThrownBy(() -> settings.millis("STORAGEHUB_MS", Duration.ZERO, 0, 60_000))
                .hasMessage("STORAGEHUB_MS = '70000' is invalid: expected milliseconds in [0, 60000]");
        assertThatThrownBy(() -> settings.bool("STORAGEHUB_FLAG", false))
                .hasMessage("STORAGEHUB_FLAG = 'yes' is invalid: expected true or false");
        assertThatThrownBy(() -> settings.required("STORAGEHUB_MISSING", "a JDBC URL"))
                .hasMessage("STORAGEHUB_MISSING is missing: expected a JDBC URL");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
