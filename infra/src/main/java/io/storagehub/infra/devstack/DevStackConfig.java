package io.storagehub.infra.devstack;

import io.storagehub.config.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the dev stack runs with. {@code kafka} and {@code database} are external servers to use instead of
 * the embedded ones; the embedded ones keep their data under {@code dataDir}. The simulator first publishes in
 * bulk until the chain has {@code backfill} events (earlier runs included), then {@code rate} events per second
 * (0 = no live feed).
 */
public record DevStackConfig(Path dataDir, Optional<String> kafka, int kafkaPort, Optional<ExternalDatabase> database,
                             int postgresPort, String schema, String topic, String chain, boolean simulator,
                             OptionalLong seed, long backfill, double rate, int apiPort, int indexerPort,
                             Duration progressEvery) {

    /** A Postgres server the stack does not start. */
    public record ExternalDatabase(String jdbcUrl, String user, String password) {
        public ExternalDatabase {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db-url must be a Postgres JDBC URL (jdbc:postgresql://...), got "
                        + Redaction.url(jdbcUrl));
            }
            Objects.requireNonNull(user, "--db-user is required with --db-url");
            password = password == null ? "" : password;
        }
    }

    public DevStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        port("--kafka-port", kafkaPort);
        port("--pg-port", postgresPort);
        port("--api-port", apiPort);
        port("--indexer-port", indexerPort);
        if (backfill < 0) {
            throw new IllegalArgumentException("--backfill must be >= 0, got " + backfill);
        }
        if (!(rate >= 0) || rate > 100_000) {
            throw new IllegalArgumentException("--rate must be in [0, 100000] events/s, got " + rate);
        }
        if (progressEvery.isNegative() || progressEvery.isZero()) {
            throw new IllegalArgumentException("--progress-every must be > 0");
        }
    }

    private static void port(String flag, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(flag + " must be in [0, 65535] (0 = a free port), got " + port);
        }
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path simulatorState() {
        return dataDir.resolve("simulator.properties");
    }

    public String deadLetterTopic() {
        return topic + ".dlq";
    }
}
