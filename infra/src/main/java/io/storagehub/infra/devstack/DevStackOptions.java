package io.storagehub.infra.devstack;

import io.storagehub.infra.simulator.ChainSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** The dev stack's flags (environment variables as defaults where the services read the same ones). */
final class DevStackOptions {

    @Option(names = "--data-dir", defaultValue = "${env:STORAGEHUB_DEVSTACK_DATA_DIR:-.devstack}",
            description = "State of the embedded Kafka and Postgres and of the simulator (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka", defaultValue = "${env:STORAGEHUB_KAFKA_BOOTSTRAP}",
            description = "An external Kafka (host:port) instead of the embedded broker "
                    + "(default: $STORAGEHUB_KAFKA_BOOTSTRAP).")
    String kafka;

    @Option(names = "--kafka-port", defaultValue = "0", description = "Port of the embedded broker (0: a free port).")
    int kafkaPort;

    @Option(names = "--db-url", defaultValue = "${env:STORAGEHUB_DB_URL}",
            description = "An external Postgres (jdbc:postgresql://...) instead of the embedded one "
                    + "(default: $STORAGEHUB_DB_URL).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:STORAGEHUB_DB_USER:-postgres}",
            description = "User for --db-url (default: ${DEFAULT-VALUE}).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:STORAGEHUB_DB_PASSWORD}",
            description = "Password for --db-url (default: $STORAGEHUB_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--pg-port", defaultValue = "0", description = "Port of the embedded Postgres (0: a free port).")
    int postgresPort;

    @Option(names = "--db-schema", defaultValue = "storagehub",
            description = "Schema of the read model (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--topic", defaultValue = "storagehub.events",
            description = "Events topic; dead letters go to <topic>.dlq (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--chain", defaultValue = ChainSimulator.DEFAULT_CHAIN,
            description = "Simulated chain (default: ${DEFAULT-VALUE}).")
    String chain;

    @Option(names = "--no-simulator", description = "Do not publish a simulated chain.")
    boolean noSimulator;

    @Option(names = "--seed", description = "Simulator seed (default: " + ChainSimulator.DEFAULT_SEED
            + ", or the one stored in the data dir).")
    Long seed;

    @Option(names = "--rate", defaultValue = "20",
            description = "Simulated events per second, 0 for no live feed (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--backfill", defaultValue = "0",
            description = "Publish this many events in bulk first (default: ${DEFAULT-VALUE}).")
    long backfill;

    @Option(names = "--api-port", defaultValue = "8080", description = "Query API port (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--indexer-port", defaultValue = "8081",
            description = "Indexer /metrics /health /ready port (default: ${DEFAULT-VALUE}).")
    int indexerPort;

    @Option(names = "--progress-every", defaultValue = "5",
            description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    long progressSeconds;

    DevStackConfig config() {
        Optional<DevStackConfig.ExternalDatabase> database = blank(dbUrl) ? Optional.empty()
                : Optional.of(new DevStackConfig.ExternalDatabase(dbUrl.trim(), dbUser, dbPassword));
        return new DevStackConfig(dataDir, blank(kafka) ? Optional.empty() : Optional.of(kafka.trim()), kafkaPort,
                database, postgresPort, schema, topic, chain, !noSimulator,
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), backfill, rate, apiPort, indexerPort,
                Duration.ofSeconds(progressSeconds));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
