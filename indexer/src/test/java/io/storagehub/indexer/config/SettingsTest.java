package io.storagehub.indexer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.config.ConfigException;
import io.storagehub.config.Key;
import io.storagehub.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void flagsOverrideEnvironment_whichOverridesTheFile() throws IOException {
        // given
        Path file = dir.resolve("indexer.properties");
        Files.writeString(file, "storagehub.topic=from-file\nSTORAGEHUB_INDEXER_GROUP=file-group\n"
                + "storagehub.db.schema=file_schema\n");
        Map<String, String> env = Map.of("STORAGEHUB_TOPIC", "from-env", "STORAGEHUB_DB_SCHEMA", "env_schema",
                "PATH", "/bin");
        // when
        Settings settings = Settings.load(Optional.of(file), env, Map.of("STORAGEHUB_DB_SCHEMA", "flag_schema"));
        // then
        assertThat(IndexerConfig.from(settings).topic()).isEqualTo("from-env");
        assertThat(IndexerConfig.from(settings).groupId()).isEqualTo("file-group");
        assertThat(DbConfig.from(settings).schema()).isEqualTo("flag_schema");
    }

    @Test
    void defaults_whenNothingIsSet() {
        // when
        Settings settings = Settings.of(Map.of());
        IndexerConfig kafka = IndexerConfig.from(settings);
        DbConfig db = DbConfig.from(settings);
        // then
        assertThat(kafka.topic()).isEqualTo("storagehub.events");
        assertThat(kafka.dlqTopic()).isEqualTo("storagehub.events.dlq");
        assertThat(kafka.groupId()).isEqualTo("storagehub-indexer");
        assertThat(kafka.maxBatchSize()).isEqualTo(5000);
        assertThat(kafka.pollTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(db.schema()).isEqualTo("storagehub");
        assertThat(HttpConfig.from(settings).port()).isEqualTo(8081);
    }

    @Test
    void dlqTopicFollowsTheTopic_unlessSet() {
        assertThat(IndexerConfig.from(Settings.of(Map.of("STORAGEHUB_TOPIC", "t1"))).dlqTopic())
                .isEqualTo("t1.dlq");
        assertThat(IndexerConfig.from(Settings.of(Map.of("STORAGEHUB_TOPIC", "t1", "STORAGEHUB_DLQ_TOPIC",
                "dead"))).dlqTopic()).isEqualTo("dead");
    }

    @Test
    void outOfRangeValue_namesTheKeyAndTheRange() {
        assertThatThrownBy(() -> IndexerConfig.from(Settings.of(Map.of("STORAGEHUB_INDEXER_MAX_BATCH", "0"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORAGEHUB_INDEXER_MAX_BATCH")
                .hasMessageContaining("[1, 100000]");
        assertThatThrownBy(() -> HttpConfig.from(Settings.of(Map.of("STORAGEHUB_INDEXER_HTTP_PORT", "http"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORAGEHUB_INDEXER_HTTP_PORT")
                .hasMessageContaining("[0, 65535]");
    }

    @Test
    void invalidSchemaOrUrl_isRejectedNamingTheKey() {
        assertThatThrownBy(() -> DbConfig.from(Settings.of(Map.of("STORAGEHUB_DB_SCHEMA", "Bad-Name"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STORAGEHUB_DB_SCHEMA");
        assertThatThrownBy(() -> DbConfig.from(Settings.of(Map.of("STORAGEHUB_DB_URL", "jdbc:mysql://x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STORAGEHUB_DB_URL");
    }

    @Test
    void dlqTopicEqualToTopic_isRejected() {
        assertThatThrownBy(() -> IndexerConfig.from(Settings.of(Map.of("STORAGEHUB_TOPIC", "same",
                "STORAGEHUB_DLQ_TOPIC", "same"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STORAGEHUB_DLQ_TOPIC");
    }

    @Test
    void unknownKeyInFile_isRejected() throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "topic=x\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic");
    }

    @Test
    void passwordFile_suppliesTheDatabasePassword() throws IOException {
        // given
        Path secret = Files.writeString(dir.resolve("db-password"), "from-a-secret\n");
        // when
        Settings settings = Settings.load(Optional.empty(),
                Map.of("STORAGEHUB_DB_PASSWORD_FILE", secret.toString()), Map.of());
        // then
        assertThat(DbConfig.from(settings).password()).isEqualTo("from-a-secret");
    }

    @Test
    void toString_hidesThePassword_andMasksItInTheUrl() {
        DbConfig db = DbConfig.from(Settings.of(Map.of("STORAGEHUB_DB_PASSWORD", "hunter2-password",
                "STORAGEHUB_DB_URL", "jdbc:postgresql://db/x?password=url-password")));

        assertThat(db.toString()).doesNotContain("hunter2-password").doesNotContain("url-password")
                .contains("jdbc:postgresql://db/x?password=***");
    }

    @Test
    void catalogue_listsEveryKeyTheConfigRecordsRead_withTheirDefaults() {
        Set<String> names = new HashSet<>();
        IndexerKeys.ALL.forEach(k -> assertThat(names.add(k.name())).as(k.name()).isTrue());
        assertThat(names).contains(IndexerConfig.BOOTSTRAP, DbConfig.PASSWORD, RetryConfig.CIRCUIT_OPEN_WAIT,
                RebuildConfig.PROGRESS_INTERVAL, HttpConfig.HOST);
        assertThat(IndexerKeys.ALL).contains(new Key(RebuildConfig.BATCH, "5000",
                "records per rebuild batch, 1..1000000"));
    }

    @Test
    void changes_areKeptByDefault_offOnRequest_andAnythingElseIsRejected() {
        assertThat(DbConfig.from(Settings.of(Map.of())).changes()).isTrue();
        assertThat(DbConfig.from(Settings.of(Map.of("STORAGEHUB_INDEXER_CHANGES", " OFF "))).changes()).isFalse();
        assertThat(DbConfig.from(Settings.of(Map.of("STORAGEHUB_INDEXER_CHANGES", "on"))).changes()).isTrue();
        assertThat(DbConfig.from(Settings.of(Map.of("STORAGEHUB_INDEXER_CHANGES", "off"))).withSchema("other")
                .changes()).isFalse();
        assertThatThrownBy(() -> DbConfig.from(Settings.of(Map.of("STORAGEHUB_INDEXER_CHANGES", "no"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STORAGEHUB_INDEXER_CHANGES")
                .hasMessageContaining("on or off");
        assertThat(IndexerKeys.ALL).extracting(Key::name).contains(DbConfig.CHANGES);
    }

    @Test
    void retryBackoffMaxBelowInitial_isRejected() {
        assertThatThrownBy(() -> RetryConfig.from(Settings.of(Map.of("STORAGEHUB_INDEXER_BACKOFF_INITIAL_MS", "500",
                "STORAGEHUB_INDEXER_BACKOFF_MAX_MS", "100"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STORAGEHUB_INDEXER_BACKOFF_MAX_MS");
    }
}
