package io.storagehub.infra.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DevStackOptionsTest {

    @TempDir
    Path dir;

    private static DevStackConfig parse(String... args) {
        return parse(Map.of(), args);
    }

    private static DevStackConfig parse(Map<String, String> environment, String... args) {
        DevStack command = new DevStack();
        new CommandLine(command).parseArgs(args);
        return command.options.config(environment);
    }

    @Test
    void flags_replaceTheEmbeddedServers_andSetTheSimulator() {
        // when
        DevStackConfig config = parse(Map.of("STORAGEHUB_DB_PASSWORD", "p"), "--kafka", "broker:9092",
                "--db-url", "jdbc:postgresql://db:5432/x", "--db-user", "u", "--rate", "5", "--seed", "7",
                "--api-port", "9000", "--data-dir", "/tmp/stack", "--backfill", "100");
        // then
        assertThat(config.kafka()).contains("broker:9092");
        assertThat(config.database()).contains(
                new DevStackConfig.ExternalDatabase("jdbc:postgresql://db:5432/x", "u", "p"));
        assertThat(config.rate()).isEqualTo(5.0);
        assertThat(config.seed()).isEqualTo(OptionalLong.of(7));
        assertThat(config.apiPort()).isEqualTo(9000);
        assertThat(config.backfill()).isEqualTo(100);
        assertThat(config.simulatorState()).isEqualTo(Path.of("/tmp/stack", "simulator.properties"));
        assertThat(config.kafkaDir()).isEqualTo(Path.of("/tmp/stack", "kafka"));
    }

    @Test
    void theServicesKeys_fromTheEnvironment_areOverriddenByFlags_andThePasswordMayBeAFile() throws IOException {
        // given
        Path password = Files.writeString(dir.resolve("db-password"), "from-file\n");
        Map<String, String> env = Map.of("STORAGEHUB_KAFKA_BOOTSTRAP", "env-broker:9092",
                "STORAGEHUB_DB_URL", "jdbc:postgresql://env-db/x", "STORAGEHUB_DB_USER", "env-user",
                "STORAGEHUB_DB_PASSWORD_FILE", password.toString());
        // when
        DevStackConfig fromEnv = parse(env);
        DevStackConfig flagged = parse(env, "--db-user", "flag-user");
        // then
        assertThat(fromEnv.kafka()).contains("env-broker:9092");
        assertThat(fromEnv.database()).contains(
                new DevStackConfig.ExternalDatabase("jdbc:postgresql://env-db/x", "env-user", "from-file"));
        assertThat(flagged.database().orElseThrow().user()).isEqualTo("flag-user");
        assertThat(parse(Map.of("STORAGEHUB_DB_URL", "jdbc:postgresql://db/x")).database().orElseThrow().user())
                .isEqualTo("postgres");
    }

    @Test
    void passwordFlag_isRefused_pointingToTheEnvironmentAndTheFileKey() {
        assertThatThrownBy(() -> parse("--db-url", "jdbc:postgresql://db/x", "--db-password", "hunter2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--db-password is not accepted")
                .hasMessageContaining("STORAGEHUB_DB_PASSWORD_FILE")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void badDatabaseUrl_isReported_withItsPasswordMasked() {
        assertThatThrownBy(() -> parse("--db-url", "postgres://u:hunter2@db/x"))
                .hasMessageContaining("--db-url").hasMessageNotContaining("hunter2");
    }

    @Test
    void noSimulator_turnsThePublisherOff() {
        assertThat(parse("--no-simulator").simulator()).isFalse();
        assertThat(parse().simulator()).isTrue();
    }

    @Test
    void config_refusesValuesOutOfRange_namingTheFlag() {
        assertThatThrownBy(() -> parse("--rate", "-1")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> parse("--api-port", "70000")).hasMessageContaining("--api-port");
        assertThatThrownBy(() -> parse("--db-url", "postgres://x")).hasMessageContaining("--db-url");
    }

    @Test
    void defaults_areTheDocumentedPortsRateSchemaAndTopic() {
        DevStackConfig config = parse("--data-dir", ".devstack");
        assertThat(config.apiPort()).isEqualTo(8080);
        assertThat(config.indexerPort()).isEqualTo(8081);
        assertThat(config.rate()).isEqualTo(20.0);
        assertThat(config.schema()).isEqualTo("storagehub");
        assertThat(config.topic()).isEqualTo("storagehub.events");
    }
}
