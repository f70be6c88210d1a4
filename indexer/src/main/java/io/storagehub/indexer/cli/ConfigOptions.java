package io.storagehub.indexer.cli;

import io.storagehub.config.ConfigException;
import io.storagehub.config.Settings;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.HttpConfig;
import io.storagehub.indexer.config.IndexerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Flags shared by every command; each overrides the environment variable named in its description. */
final class ConfigOptions {
    /** The properties file when {@code --config} is not given, as the query API's {@code STORAGEHUB_API_CONFIG}. */
    static final String CONFIG_FILE_ENV = "STORAGEHUB_INDEXER_CONFIG";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with configuration keys (STORAGEHUB_TOPIC=... or storagehub.topic=...; "
                    + "also: " + CONFIG_FILE_ENV + "); environment variables override it, flags override both. "
                    + "Passwords: environment or <KEY>_FILE only.")
    Path configFile;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (" + IndexerConfig.BOOTSTRAP + ", default "
                    + IndexerConfig.DEFAULT_BOOTSTRAP + ").")
    String bootstrap;

    @Option(names = "--topic", description = "Events topic (" + IndexerConfig.TOPIC + ", default "
            + IndexerConfig.DEFAULT_TOPIC + ").")
    String topic;

    @Option(names = "--dlq-topic", description = "Dead-letter topic (" + IndexerConfig.DLQ_TOPIC
            + ", default <topic>.dlq).")
    String dlqTopic;

    @Option(names = "--group", description = "Consumer group (" + IndexerConfig.GROUP + ", default "
            + IndexerConfig.DEFAULT_GROUP + ").")
    String group;

    @Option(names = "--max-batch", paramLabel = "N",
            description = "Most records per batch (" + IndexerConfig.MAX_BATCH + ", 1..100000, default "
                    + IndexerConfig.DEFAULT_MAX_BATCH + ").")
    String maxBatch;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Postgres JDBC URL (" + DbConfig.URL
            + ", default " + DbConfig.DEFAULT_URL + ").")
    String dbUrl;

    @Option(names = "--db-user", description = "Postgres user (" + DbConfig.USER + ", default "
            + DbConfig.DEFAULT_USER + ").")
    String dbUser;

    /** Refused: a password on a command line is visible to other users of the machine. */
    @Option(names = "--db-password", hidden = true)
    String dbPassword;

    @Option(names = "--db-schema", description = "Schema of the read model (" + DbConfig.SCHEMA + ", default "
            + DbConfig.DEFAULT_SCHEMA + ").")
    String dbSchema;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port of /metrics, /health, /ready ("
            + HttpConfig.PORT + ", 0..65535, default " + HttpConfig.DEFAULT_PORT + ", 0 = any free port).")
    String httpPort;

    Settings settings(Map<String, String> environment) {
        if (dbPassword != null) {
            throw ConfigException.secretOnCommandLine("--db-password", DbConfig.PASSWORD);
        }
        Map<String, String> flags = new HashMap<>();
        put(flags, IndexerConfig.BOOTSTRAP, bootstrap);
        put(flags, IndexerConfig.TOPIC, topic);
        put(flags, IndexerConfig.DLQ_TOPIC, dlqTopic);
        put(flags, IndexerConfig.GROUP, group);
        put(flags, IndexerConfig.MAX_BATCH, maxBatch);
        put(flags, DbConfig.URL, dbUrl);
        put(flags, DbConfig.USER, dbUser);
        put(flags, DbConfig.SCHEMA, dbSchema);
        put(flags, HttpConfig.PORT, httpPort);
        Optional<Path> file = Optional.ofNullable(configFile)
                .or(() -> Optional.ofNullable(environment.get(CONFIG_FILE_ENV)).filter(f -> !f.isBlank()).map(Path::of));
        return Settings.load(file, environment, flags);
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
