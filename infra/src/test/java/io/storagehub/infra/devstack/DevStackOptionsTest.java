package io.storagehub.infra.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DevStackOptionsTest {

    private static DevStackConfig parse(String... args) {
        DevStack command = new DevStack();
        new CommandLine(command).parseArgs(args);
        return command.options.config();
    }

    @Test
    void flags_replaceTheEmbeddedServers_andSetTheSimulator() {
        // when
        DevStackConfig config = parse("--kafka", "broker:9092", "--db-url", "jdbc:postgresql://db:5432/x",
                "--db-user", "u", "--db-password", "p", "--rate", "5", "--seed", "7", "--api-port", "9000",
                "--data-dir", "/tmp/stack", "--backfill", "100");
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
