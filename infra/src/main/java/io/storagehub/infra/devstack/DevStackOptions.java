package io.storagehub.infra.devstack;

import io.storagehub.config.ConfigException;
import io.storagehub.config.Settings;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.infra.simulator.ChainSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/**
 * The dev stack's flags. Where the services read the same setting (Kafka, database URL, user and password) the
 * flag overrides their environment variable, read by the shared loader; the password is never a flag.
 */
final class DevStackOptions {
    private static final String DEFAULT_DB_USER = "postgres";

    @Option(names = "--data-dir", defaultValue = "${env:STORAGEHUB_DEVSTACK_DATA_DIR:-.devstack}",
            description = "State of the embedded Kafka and Postgres and of the simulator (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka",
            description = "An external Kafka (host:port) instead of the embedded broker "
                    + "(default: $STORAGEHUB_KAFKA_BOOTSTRAP).")
    String kafka;

    @Option(names = "--kafka-port", defaultValue = "0", description = "Port of the embedded broker (0: a free port).")
    int kafkaPort;

    @Option(names = "--db-url",
            description = "An external Postgres (jdbc:postgresql://...) instead of the embedded one "
                    + "(default: $STORAGEHUB_DB_URL).")
    String dbUrl;

    @Option(names = "--db-user",
            description = "User for --db-url (default: $STORAGEHUB_DB_USER, else " + DEFAULT_DB_USER + "); its "
                    + "password comes from $STORAGEHUB_DB_PASSWORD or the file named by $STORAGEHUB_DB_PASSWORD_FILE.")
    String dbUser;

    /** Refused: a password on a command line is visible to other users of the machine. */
    @Option(names = "--db-password", hidden = true)
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
            description = "First publish in bulk until the chain has this many events, earlier runs included "
                    + "(default: ${DEFAULT-VALUE}).")
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
        return config(System.getenv());
    }

    /** The flags over the services' own keys in {@code environment}, read by the same loader as the services. */
    DevStackConfig config(Map<String, String> environment) {
        if (dbPassword != null) {
            throw ConfigException.secretOnCommandLine("--db-password", DbConfig.PASSWORD);
        }
        Map<String, String> flags = new HashMap<>();
        flags.put(IndexerConfig.BOOTSTRAP, kafka);
        flags.put(DbConfig.URL, dbUrl);
        flags.put(DbConfig.USER, dbUser);
        Settings settings = Settings.load(Optional.empty(), environment, flags);
        Optional<DevStackConfig.ExternalDatabase> database = settings.find(DbConfig.URL)
                .map(url -> new DevStackConfig.ExternalDatabase(url, settings.string(DbConfig.USER, DEFAULT_DB_USER),
                        settings.string(DbConfig.PASSWORD, "")));
        return new DevStackConfig(dataDir, settings.find(IndexerConfig.BOOTSTRAP), kafkaPort,
                database, postgresPort, schema, topic, chain, !noSimulator,
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), backfill, rate, apiPort, indexerPort,
                Duration.ofSeconds(progressSeconds));
    }
}
